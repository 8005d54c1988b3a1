package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;

/** An attempt that had not succeeded was cancelled at Antom. */
public record PaymentAttemptCancelled(EventId id, Instant occurredAt, PaymentRequestId attempt) implements DomainEvent {

    @Override
    public String type() {
        return "payment.cancelled";
    }
}
