package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * Something that happened to an order that the embedding application may act on ("order paid — ship
 * it", "capture failed", "needs review"). Events are stored in the same transaction as the order's new
 * state and delivered at least once, in order per order; consumers deduplicate by {@link #id()}.
 */
public sealed interface DomainEvent permits OrderAuthorized, OrderPaid, OrderClosed, PaymentAttemptFailed,
        PaymentAttemptCancelled, AuthorizationReleased, CaptureCompleted, CaptureDeclined, DuplicateSuccessDetected,
        DuplicateCancelled, DuplicateRefunded, NeedsReview, CaptureDeadlineNear, DiscrepancyFound, RefundCompleted,
        RefundDeclined {

    EventId id();

    Instant occurredAt();

    default ReferenceOrderId orderId() {
        return id().orderId();
    }

    /** A stable name for consumers that route by type, e.g. {@code order.paid}. */
    String type();
}
