package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Antom definitely failed this attempt (decline, expiry, refusal); the buyer may try again under the
 * same order.
 */
public record PaymentAttemptFailed(EventId id, Instant occurredAt, PaymentRequestId attempt, ResultCode code,
                                   String message) implements DomainEvent {

    @Override
    public String type() {
        return "payment.failed";
    }
}
