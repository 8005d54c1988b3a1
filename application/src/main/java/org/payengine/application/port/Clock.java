package org.payengine.application.port;

import java.time.Instant;

/**
 * The time, for the domain and the use cases, which never read the system clock themselves so that
 * the 7-day capture window, expiries and retries can be tested. Thread-safe.
 */
@FunctionalInterface
public interface Clock {

    /** The current instant. Successive calls never go backwards in a real clock. */
    Instant now();
}
