package org.payengine.domain.fact;

import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/** A fact about one payment attempt, found by its {@link #paymentRequestId()} (or Antom's {@link #paymentId()}). */
public sealed interface PaymentFact extends Fact
        permits PaymentInProcess, PaymentSucceeded, PaymentFailed, PaymentCancelled, PaymentOutcomeUnknown {

    PaymentRequestId paymentRequestId();

    /** Antom's payment id, or {@code null} when this fact does not carry it. */
    PaymentId paymentId();
}
