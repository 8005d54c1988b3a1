package org.payengine.simulator.fault;

/** The faults the simulator can inject; each applies to the next N matching events. */
public enum FaultKind {
    /** Answer an API call with an HTTP 5xx (default 500) and an unsigned body. Not processed unless {@code process}. */
    HTTP_5XX(true, false),
    /** Hold the API answer for {@code hangSeconds} (real seconds, default 20), past a client's timeout. Processed. */
    HANG(true, true),
    /** Answer {@code U}/{@code UNKNOWN_EXCEPTION} (signed). Processed unless {@code process} is false. */
    UNKNOWN_RESULT(true, true),
    /** Answer normally but without the {@code signature} header. */
    OMIT_SIGNATURE(true, true),
    /** Answer normally with a signature that does not verify. */
    CORRUPT_SIGNATURE(true, true),
    /** Lose the next notification sends (each counts as a failed attempt; retries follow the schedule). */
    DROP_NOTIFICATION(false, true),
    /** Deliver each of the next notification sends twice. */
    DUPLICATE_NOTIFICATION(false, true),
    /** Send the next notifications {@code delaySeconds} (simulated, default 60) late. */
    DELAY_NOTIFICATION(false, true),
    /**
     * Hold the next notifications back until the one after has been sent (or {@code delaySeconds}
     * of simulated time, default 60, have passed), so they arrive out of order.
     */
    REORDER_NOTIFICATION(false, true);

    private final boolean api;
    private final boolean processedByDefault;

    FaultKind(boolean api, boolean processedByDefault) {
        this.api = api;
        this.processedByDefault = processedByDefault;
    }

    /** Whether the fault hits API answers (rather than notifications). */
    public boolean isApiFault() {
        return api;
    }

    boolean processedByDefault() {
        return processedByDefault;
    }
}
