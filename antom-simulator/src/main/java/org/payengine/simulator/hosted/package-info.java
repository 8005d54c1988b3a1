/** The hosted card page served at {@code normalUrl}: card form, 3DS challenge or Korean issuer authentication, redirect back. */
package org.payengine.simulator.hosted;
