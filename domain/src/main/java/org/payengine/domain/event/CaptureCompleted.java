package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/** Antom captured the funds of an attempt (for the order's success {@link OrderPaid} is raised too). */
public record CaptureCompleted(EventId id, Instant occurredAt, PaymentRequestId attempt, CaptureId captureId,
                               Money amount, boolean duplicate) implements DomainEvent {

    @Override
    public String type() {
        return "capture.succeeded";
    }
}
