package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;

/** A duplicate success was cancelled at Antom: the buyer is not charged twice. */
public record DuplicateCancelled(EventId id, Instant occurredAt, PaymentRequestId attempt) implements DomainEvent {

    @Override
    public String type() {
        return "duplicate.cancelled";
    }
}
