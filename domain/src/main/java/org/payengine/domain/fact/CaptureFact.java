package org.payengine.domain.fact;

import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;

/**
 * A fact about the capture of a payment, found by its {@link #captureRequestId()} when PayEngine asked
 * for the capture, otherwise by Antom's {@link #paymentId()} (automatic capture).
 */
public sealed interface CaptureFact extends Fact permits CaptureSucceeded, CaptureFailed, CaptureProcessing {

    PaymentId paymentId();

    /**
     * The capture's request id: PayEngine's for a manual capture, Antom's own for an automatic one;
     * {@code null} when the source did not give it.
     */
    CaptureRequestId captureRequestId();
}
