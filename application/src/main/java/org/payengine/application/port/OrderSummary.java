package org.payengine.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * One order as a line of the {@link OrderListing}: enough to tell orders apart and see how each stands, without its
 * attempts (read the whole order with {@link Orders#findByReferenceOrderId}).
 *
 * @param latestAttemptStatus the status of the order's most recent payment attempt, {@code null} while it has none
 */
public record OrderSummary(ReferenceOrderId id, Money amount, OrderStatus status, Instant createdAt,
                           AttemptStatus latestAttemptStatus) {

    public OrderSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The summary of an order as it stands in the snapshot. */
    public static OrderSummary of(OrderSnapshot order) {
        List<PaymentAttempt> attempts = order.attempts();
        AttemptStatus latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).status();
        return new OrderSummary(order.id(), order.amount(), order.status(), order.createdAt(), latest);
    }

    /** Where a listing continues after this order. */
    public OrderCursor cursor() {
        return new OrderCursor(createdAt, id);
    }
}
