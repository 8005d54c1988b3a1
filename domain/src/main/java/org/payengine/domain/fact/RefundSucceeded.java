package org.payengine.domain.fact;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Antom refunded the funds to the buyer.
 *
 * @param refundedAt Antom's {@code refundTime}; {@code null} when not given
 */
public record RefundSucceeded(RefundRequestId refundRequestId, RefundId refundId, Money amount, Instant refundedAt)
        implements RefundFact {

    public RefundSucceeded {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String describe() {
        return Description.of("REFUND_SUCCEEDED").with("refundRequestId", refundRequestId)
                .with("refundId", refundId).with("amount", amount).with("refundedAt", refundedAt).toString();
    }
}
