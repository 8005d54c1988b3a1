package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.payengine.domain.order.AttemptStatus;

/**
 * Which payment attempts an {@link OrderListing} lists: those with one of {@code statuses} (any status when empty),
 * only those with a fact set aside for a person when {@code needsReview}, created from {@code createdFrom}
 * (inclusive) until {@code createdTo} (exclusive); a bound that is {@code null} is open. What an operator looks for:
 * every {@code UNKNOWN} attempt, every one that needs review.
 */
public record PaymentFilter(Set<AttemptStatus> statuses, boolean needsReview, Instant createdFrom, Instant createdTo) {

    /** Every payment attempt. */
    public static final PaymentFilter ALL = new PaymentFilter(Set.of(), false, null, null);

    public PaymentFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        OrderFilter.CreationWindow.check(createdFrom, createdTo);
    }

    public boolean admits(PaymentSummary payment) {
        return (statuses.isEmpty() || statuses.contains(payment.status()))
                && (!needsReview || payment.needsReview())
                && OrderFilter.CreationWindow.contains(createdFrom, createdTo, payment.createdAt());
    }
}
