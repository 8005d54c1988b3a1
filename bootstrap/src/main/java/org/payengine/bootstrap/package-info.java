/**
 * PayEngine's standalone composition root, around the embeddable one ({@code payengine-embedded}:
 * {@link org.payengine.bootstrap.embedded.PayEngine}): the command line
 * ({@link org.payengine.bootstrap.PayEngineCommand}), configuration ({@code config}) and the Dagger components
 * that wire the ports of {@code application} to the adapters ({@code wiring}).
 */
package org.payengine.bootstrap;
