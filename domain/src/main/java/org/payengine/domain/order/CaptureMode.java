package org.payengine.domain.order;

/** Antom's {@code paymentFactor.captureMode}. */
public enum CaptureMode {
    /** Antom captures right after authorization and reports it (the default). */
    AUTOMATIC,
    /** The merchant captures, for exactly the authorized amount, within the capture window. */
    MANUAL
}
