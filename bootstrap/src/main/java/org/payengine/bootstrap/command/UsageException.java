package org.payengine.bootstrap.command;

/** The command line is wrong: the message says how; the command's usage follows it. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
