package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Antom refused to capture; the attempt stays authorized and the capture may be retried before {@code
 * captureDeadline}.
 */
public record CaptureDeclined(EventId id, Instant occurredAt, PaymentRequestId attempt,
                              CaptureRequestId captureRequestId, ResultCode code, String message,
                              Instant captureDeadline) implements DomainEvent {

    @Override
    public String type() {
        return "capture.failed";
    }
}
