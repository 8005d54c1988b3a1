package org.payengine.application.port;

import java.time.Duration;

/**
 * Where the background workers (follow-ups, capture guard, duplicate remediation, outbox) say how far behind they
 * are after each run, so that monitoring can see a worker falling behind before a payment result or a capture
 * deadline is missed. Thread-safe; an implementation must return quickly and never throw.
 */
@FunctionalInterface
public interface WorkerProgress {

    /** Reports nowhere; for engines without monitoring. */
    WorkerProgress NOT_REPORTED = (worker, lag, backlog) -> { };

    /**
     * One run of a worker finished.
     *
     * @param worker  a short, stable name, e.g. {@code payment-follow-up}, {@code capture-guard}, {@code outbox}
     * @param lag     how long the most overdue item the run handled had been due; zero when none was overdue
     * @param backlog how many due items the run left for the next one
     */
    void runFinished(String worker, Duration lag, int backlog);
}
