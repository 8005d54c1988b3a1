package org.payengine.application.testing;

import java.util.Comparator;
import java.util.List;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderFilter;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;
import org.payengine.application.port.PaymentCursor;
import org.payengine.application.port.PaymentFilter;
import org.payengine.application.port.PaymentSummary;

/** {@link OrderListing} in memory: every order (attempt) sorted at each call (a test's handful), newest first. */
public final class InMemoryOrderListing implements OrderListing {

    /** Newest first; orders created at the same instant by their reference order id, the greatest first. */
    private static final Comparator<OrderCursor> LISTING_ORDER = Comparator.comparing(OrderCursor::createdAt)
            .thenComparing(cursor -> cursor.orderId().value()).reversed();
    /** The same for attempts, by their payment request id. */
    private static final Comparator<PaymentCursor> PAYMENT_ORDER = Comparator.comparing(PaymentCursor::createdAt)
            .thenComparing(cursor -> cursor.attemptId().value()).reversed();

    private final InMemoryDatabase database;

    public InMemoryOrderListing(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<OrderSummary> newestFirst(OrderFilter filter, OrderCursor after, int limit) {
        requirePositive(limit);
        return database.read(state -> state.orders().values().stream()
                .map(OrderSummary::of)
                .filter(filter::admits)
                .filter(summary -> after == null || LISTING_ORDER.compare(summary.cursor(), after) > 0)
                .sorted(Comparator.comparing(OrderSummary::cursor, LISTING_ORDER))
                .limit(limit)
                .toList());
    }

    @Override
    public List<PaymentSummary> paymentsNewestFirst(PaymentFilter filter, PaymentCursor after, int limit) {
        requirePositive(limit);
        return database.read(state -> state.orders().values().stream()
                .flatMap(order -> order.attempts().stream())
                .map(PaymentSummary::of)
                .filter(filter::admits)
                .filter(summary -> after == null || PAYMENT_ORDER.compare(summary.cursor(), after) > 0)
                .sorted(Comparator.comparing(PaymentSummary::cursor, PAYMENT_ORDER))
                .limit(limit)
                .toList());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
