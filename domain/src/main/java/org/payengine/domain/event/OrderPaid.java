package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/** The order's payment is captured: the buyer has paid, ship it. */
public record OrderPaid(EventId id, Instant occurredAt, PaymentRequestId attempt, PaymentId paymentId,
                        CaptureId captureId, Money amount) implements DomainEvent {

    @Override
    public String type() {
        return "order.paid";
    }
}
