/** Antom's API gateway: request checks and signature verification, the seven payment APIs, signed answers. */
package org.payengine.simulator.api;
