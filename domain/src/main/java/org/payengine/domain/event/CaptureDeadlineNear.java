package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.PaymentRequestId;

/**
 * A manually captured authorization will be released by Antom at {@code captureDeadline} unless it is
 * captured.
 */
public record CaptureDeadlineNear(EventId id, Instant occurredAt, PaymentRequestId attempt, Instant captureDeadline)
        implements DomainEvent {

    @Override
    public String type() {
        return "capture.deadline.near";
    }
}
