package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Antom refused a refund the merchant asked for (e.g. {@code REFUND_WINDOW_EXCEED}); nothing was refunded, and its
 * amount may be refunded again under a new refund.
 */
public record RefundDeclined(EventId id, Instant occurredAt, PaymentRequestId attempt,
                             RefundRequestId refundRequestId, Money amount, ResultCode code, String message)
        implements DomainEvent {

    @Override
    public String type() {
        return "refund.failed";
    }
}
