package org.payengine.domain.work;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.PaymentRequestId;

/**
 * One piece of background work an attempt needs now, and why: what {@code
 * org.payengine.domain.order.Order#pendingWork()} names, as it names the events that happened, for a store to keep
 * as due work and the workers to do.
 *
 * @param reason the signal the work follows up; a new reason is new work, whose schedule starts again
 * @param since  the instant the reason's schedule counts from (the attempt initiated, the payment expiring, the
 *               capture requested, the payment authorized); a store's new item is due from then and the worker
 *               decides, by its policy, when the first look at Antom is
 */
public record PendingWork(WorkKind kind, PaymentRequestId attempt, FollowUpReason reason, Instant since) {

    public PendingWork {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
