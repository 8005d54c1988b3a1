package org.payengine.application.port;

/** A {@link ReportSource} cannot be reached or read now (network, authentication, host key, permissions). */
public class ReportSourceUnavailableException extends RuntimeException {

    public ReportSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportSourceUnavailableException(String message) {
        super(message);
    }
}
