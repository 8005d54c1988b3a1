package org.payengine.bootstrap.command;

/**
 * A command that serves until the JVM is asked to stop ({@code demo}, {@code serve}, {@code simulator}): it returns
 * once its shutdown hook has run, while the JVM is exiting already, so the launcher must not call
 * {@code System.exit} after it.
 */
public interface ServesUntilStopped {
}
