package org.payengine.application.port;

/**
 * The engine's storage cannot be reached or did not answer in time (the database is down, the
 * connection pool is exhausted, a statement timed out). Nothing of the unit of work that saw it was
 * stored: the caller may try again later. The HTTP layer answers 503, so that Antom sends its
 * notification again and a merchant retries its call.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
