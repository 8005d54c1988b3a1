package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.order.OrderStatus;

/**
 * Which orders an {@link OrderListing} lists: those with one of {@code statuses} (any status when empty), created
 * from {@code createdFrom} (inclusive) until {@code createdTo} (exclusive); a bound that is {@code null} is open.
 */
public record OrderFilter(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo) {

    /** Every order. */
    public static final OrderFilter ALL = new OrderFilter(Set.of(), null, null);

    public OrderFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        CreationWindow.check(createdFrom, createdTo);
    }

    public boolean admits(OrderSummary order) {
        return (statuses.isEmpty() || statuses.contains(order.status()))
                && CreationWindow.contains(createdFrom, createdTo, order.createdAt());
    }

    /** The instants between which a listing's entries were created; shared by the order and payment filters. */
    static final class CreationWindow {

        private CreationWindow() {
        }

        static void check(Instant from, Instant to) {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new InvalidValueException("createdTo", "must be after createdFrom (" + from + "), was " + to);
            }
        }

        static boolean contains(Instant from, Instant to, Instant createdAt) {
            return (from == null || !createdAt.isBefore(from)) && (to == null || createdAt.isBefore(to));
        }
    }
}
