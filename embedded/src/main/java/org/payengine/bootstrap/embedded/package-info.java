/**
 * PayEngine inside a Java application ({@link org.payengine.bootstrap.embedded.PayEngine}): the embeddable
 * composition root, with the JDBC stores and Antom through its SDK, and no HTTP server, simulator or logging backend.
 * The standalone engine ({@code payengine-bootstrap}) is built around it.
 */
package org.payengine.bootstrap.embedded;
