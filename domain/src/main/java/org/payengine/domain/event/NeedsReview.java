package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;

/**
 * A person must look at this order: Antom said something that contradicts what PayEngine knows, or
 * undoing a duplicate failed. {@code moneyAtRisk} marks cases where a buyer may have paid without the
 * order knowing it.
 */
public record NeedsReview(EventId id, Instant occurredAt, PaymentRequestId attempt, String reason, String detail,
                          boolean moneyAtRisk) implements DomainEvent {

    @Override
    public String type() {
        return "needs.review";
    }
}
