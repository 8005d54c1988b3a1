package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * The order's authorized (uncaptured) payment was cancelled: the funds go back to the buyer and the
 * order is closed.
 */
public record AuthorizationReleased(EventId id, Instant occurredAt, PaymentRequestId attempt, Money amount)
        implements DomainEvent {

    @Override
    public String type() {
        return "authorization.released";
    }
}
