package org.payengine.application.testing;

import java.util.Comparator;
import java.util.List;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;

/** {@link OrderListing} in memory: every order sorted at each call (a test's handful), newest first. */
public final class InMemoryOrderListing implements OrderListing {

    /** Newest first; orders created at the same instant by their reference order id, the greatest first. */
    private static final Comparator<OrderCursor> LISTING_ORDER = Comparator.comparing(OrderCursor::createdAt)
            .thenComparing(cursor -> cursor.orderId().value()).reversed();

    private final InMemoryDatabase database;

    public InMemoryOrderListing(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<OrderSummary> newestFirst(OrderCursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return database.read(state -> state.orders().values().stream()
                .map(OrderSummary::of)
                .filter(summary -> after == null || LISTING_ORDER.compare(summary.cursor(), after) > 0)
                .sorted(Comparator.comparing(OrderSummary::cursor, LISTING_ORDER))
                .limit(limit)
                .toList());
    }
}
