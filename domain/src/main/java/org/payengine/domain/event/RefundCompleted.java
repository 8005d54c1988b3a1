package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Antom refunded a refund the merchant asked for: the buyer gets {@code amount} back.
 *
 * @param refundedAmount what is refunded of the payment now, this refund included
 * @param fullyRefunded  whether the whole captured amount is refunded now (the order is {@code REFUNDED})
 */
public record RefundCompleted(EventId id, Instant occurredAt, PaymentRequestId attempt,
                              RefundRequestId refundRequestId, RefundId refundId, Money amount, Money refundedAmount,
                              boolean fullyRefunded) implements DomainEvent {

    @Override
    public String type() {
        return "refund.succeeded";
    }
}
