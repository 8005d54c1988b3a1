package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.money.Money;

/** A captured duplicate success was refunded in full: the buyer got the second payment back. */
public record DuplicateRefunded(EventId id, Instant occurredAt, PaymentRequestId attempt, RefundId refundId,
                                Money amount) implements DomainEvent {

    @Override
    public String type() {
        return "duplicate.refunded";
    }
}
