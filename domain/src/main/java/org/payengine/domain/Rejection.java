package org.payengine.domain;

/**
 * A business refusal: the request was understood and is not allowed now. Refusals are values, not
 * exceptions; they carry a stable machine-readable {@link #code()} (the merchant API uses it as its
 * error code) and a {@link #message()} that names the thing refused and why.
 */
public interface Rejection {

    /** Stable upper-case code, e.g. {@code CAPTURE_WINDOW_EXPIRED}. */
    String code();

    /** Human-readable explanation naming the order or attempt, its state and the reason. */
    String message();
}
