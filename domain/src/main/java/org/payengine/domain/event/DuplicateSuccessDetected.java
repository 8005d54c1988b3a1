package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * A second attempt of an already paid (or closed) order succeeded: the buyer would pay twice.
 * PayEngine cancels it at Antom, or refunds it when cancelling is refused. {@code successfulAttempt}
 * is {@code null} when the order was closed unpaid.
 */
public record DuplicateSuccessDetected(EventId id, Instant occurredAt, PaymentRequestId duplicateAttempt,
                                       PaymentRequestId successfulAttempt, PaymentId paymentId, Money amount)
        implements DomainEvent {

    @Override
    public String type() {
        return "duplicate.detected";
    }
}
