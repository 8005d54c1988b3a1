package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * One attempt of the order is authorized. With manual capture the merchant must capture before {@code
 * captureDeadline}; with automatic capture Antom captures and {@link OrderPaid} follows.
 */
public record OrderAuthorized(EventId id, Instant occurredAt, PaymentRequestId attempt, PaymentId paymentId,
                              Money amount, boolean manualCapture, Instant captureDeadline) implements DomainEvent {

    @Override
    public String type() {
        return "order.authorized";
    }
}
