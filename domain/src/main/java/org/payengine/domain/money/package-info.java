/** Money as minor units in a {@code long} with an ISO 4217 currency, and Antom's string form of amounts. */
package org.payengine.domain.money;
