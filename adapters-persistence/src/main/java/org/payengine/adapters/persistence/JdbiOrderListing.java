package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.text;

import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderStatus;

/**
 * The orders newest first, read along {@code orders_newest_first (created_at DESC, reference_order_id DESC)}: a page
 * starts at the cursor's place in that index and reads as many rows as it returns (V7). Each order's latest attempt is
 * one look-up in the unique index on {@code (order_id, attempt_number)}.
 */
final class JdbiOrderListing implements OrderListing {

    private static final String SUMMARY = """
            SELECT o.reference_order_id, o.currency, o.amount_minor, o.status, o.created_at,
                   (SELECT a.status FROM payment_attempts a WHERE a.order_id = o.id
                    ORDER BY a.attempt_number DESC LIMIT 1) AS latest_attempt_status
            FROM orders o
            """;
    private static final String NEWEST_FIRST = " ORDER BY o.created_at DESC, o.reference_order_id DESC LIMIT :limit";
    // "After the cursor" as a bound on created_at, where both databases start their index range (checked with
    // EXPLAIN on each), and a filter that only ever rejects orders created at the cursor's own instant.
    private static final String AFTER_CURSOR = """
            WHERE o.created_at <= :createdAt
              AND (o.created_at < :createdAt OR o.reference_order_id < :orderId)""";

    private final JdbiTransactions transactions;

    JdbiOrderListing(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<OrderSummary> newestFirst(OrderCursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return transactions.withHandle(handle -> {
            Query query = handle.createQuery(SUMMARY + (after == null ? "" : AFTER_CURSOR) + NEWEST_FIRST)
                    .bind("limit", limit);
            if (after != null) {
                bindInstant(query, "createdAt", after.createdAt()).bind("orderId", after.orderId().value());
            }
            return query.map((row, context) -> new OrderSummary(
                            ReferenceOrderId.of(row.getString("reference_order_id")),
                            Money.of(row.getString("currency"), row.getLong("amount_minor")),
                            OrderStatus.valueOf(row.getString("status")),
                            instant(row, "created_at"),
                            text(row, "latest_attempt_status", AttemptStatus::valueOf)))
                    .list();
        });
    }
}
