package org.payengine.bootstrap.command;

/** The exit codes of {@code java -jar payengine.jar <command>}. */
public final class ExitCode {

    /** Done, or {@code --help} shown. */
    public static final int OK = 0;
    /** The engine failed while running, or could not start (e.g. the database refused). */
    public static final int FAILED = 1;
    /** The command line or the configuration is wrong; nothing was started. */
    public static final int MISCONFIGURED = 2;

    private ExitCode() {
    }
}
