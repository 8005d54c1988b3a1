/**
 * PayEngine's composition root: the embedding API ({@link org.payengine.bootstrap.PayEngine}), the command line
 * ({@link org.payengine.bootstrap.PayEngineCommand}), configuration ({@code config}) and the Dagger components
 * that wire the ports of {@code application} to the adapters ({@code wiring}).
 */
package org.payengine.bootstrap;
