package org.payengine.domain.fact;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Antom says the payment is cancelled: a cancel call succeeded or the inquiry says {@code CANCELLED}.
 * Cancelling voids an authorization (and, where Antom allows it, gives captured funds back).
 *
 * @param cancelledAt Antom's {@code cancelTime}; {@code null} when not given
 */
public record PaymentCancelled(PaymentRequestId paymentRequestId, PaymentId paymentId, Instant cancelledAt)
        implements PaymentFact {

    public PaymentCancelled {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
    }

    @Override
    public String describe() {
        return Description.of("PAYMENT_CANCELLED").with("paymentRequestId", paymentRequestId)
                .with("paymentId", paymentId).with("cancelledAt", cancelledAt).toString();
    }
}
