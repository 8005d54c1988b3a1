package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Antom's definite answer that the payment failed: pay answered {@code F}, the inquiry says
 * {@code FAIL} (a decline, or the payment expired), or a failed {@code PAYMENT_RESULT} notification.
 * Only this fact fails an attempt; PayEngine never decides on its own that a payment failed.
 *
 * @param paymentId {@code null} when Antom refused the pay call before creating a payment
 */
public record PaymentFailed(PaymentRequestId paymentRequestId, PaymentId paymentId, ResultCode code, String message)
        implements PaymentFact {

    public PaymentFailed {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(code, "code");
        message = Text.tidied(message, 512);
    }

    @Override
    public String describe() {
        return Description.of("PAYMENT_FAILED").with("paymentRequestId", paymentRequestId)
                .with("paymentId", paymentId).with("code", code).with("message", message).toString();
    }
}
