package org.payengine.bootstrap.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** One command of {@code java -jar payengine.jar <command>}. */
public interface Command {

    /** Exit code: done, or {@code --help} shown. */
    int OK = 0;
    /** Exit code: the engine failed while running, or could not start (e.g. the database refused). */
    int FAILED = 1;
    /** Exit code: the command line or the configuration is wrong; nothing was started. */
    int MISCONFIGURED = 2;

    String name();

    /** One line for the list of commands. */
    String summary();

    /**
     * Whether the command serves until the JVM is stopped; such a command returns after its shutdown hook ran,
     * so the launcher must not call {@code System.exit} on success.
     */
    default boolean longRunning() {
        return false;
    }

    /** The full help, shown by {@code --help} and after a usage error. */
    String usage();

    /**
     * Runs the command. Long-running commands ({@code demo}, {@code serve}, {@code simulator}) return only when
     * the JVM is asked to stop.
     *
     * @param environment the process environment (a test passes its own)
     * @return the process exit code
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, Map<String, String> environment, PrintStream out) throws Exception;
}
