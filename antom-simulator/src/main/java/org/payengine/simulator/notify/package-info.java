/** Notifications to the merchant, signed over the notify URL's path and resent on Antom's schedule. */
package org.payengine.simulator.notify;
