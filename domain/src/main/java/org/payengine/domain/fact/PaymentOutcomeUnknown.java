package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * The pay call ended without a definite answer: a timeout, a broken connection, an unsigned answer,
 * or Antom's {@code U} with a code other than {@code PAYMENT_IN_PROCESS}. The payment may or may not
 * exist at Antom; an inquiry by {@code paymentRequestId} will tell. Never a failure.
 */
public record PaymentOutcomeUnknown(PaymentRequestId paymentRequestId, String reason) implements PaymentFact {

    public PaymentOutcomeUnknown {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        reason = reason == null || reason.isBlank() ? "unknown" : Text.tidied(reason, 512);
    }

    @Override
    public PaymentId paymentId() {
        return null;
    }

    @Override
    public String describe() {
        return Description.of("PAYMENT_OUTCOME_UNKNOWN").with("paymentRequestId", paymentRequestId)
                .with("reason", reason).toString();
    }
}
