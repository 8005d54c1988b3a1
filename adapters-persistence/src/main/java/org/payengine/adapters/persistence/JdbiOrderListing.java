package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderFilter;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;
import org.payengine.application.port.PaymentCursor;
import org.payengine.application.port.PaymentFilter;
import org.payengine.application.port.PaymentSummary;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderStatus;

/**
 * The orders and their attempts newest first. Orders are read along {@code orders_newest_first (created_at DESC,
 * reference_order_id DESC)} (V7), or along {@code orders_by_status (status, created_at DESC, …)} when a filter names
 * statuses (V21); attempts along the like indexes of {@code payment_attempts} (V21). A page starts at the cursor's
 * place in the index and reads as many rows as it returns, plus those the rest of the filter (creation time,
 * "needs review") passes over. Each order's latest attempt is one look-up in the unique index on
 * {@code (order_id, attempt_number)}.
 */
final class JdbiOrderListing implements OrderListing {

    private static final String ORDER_SUMMARY = """
            SELECT o.reference_order_id, o.currency, o.amount_minor, o.status, o.created_at,
                   (SELECT a.status FROM payment_attempts a WHERE a.order_id = o.id
                    ORDER BY a.attempt_number DESC LIMIT 1) AS latest_attempt_status
            FROM orders o
            """;
    private static final String PAYMENT_SUMMARY = """
            SELECT a.payment_request_id, o.reference_order_id, a.status, a.currency, a.amount_minor, a.created_at,
                   a.reviews IS NOT NULL AS needs_review
            FROM payment_attempts a JOIN orders o ON o.id = a.order_id
            """;

    private final JdbiTransactions transactions;

    JdbiOrderListing(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<OrderSummary> newestFirst(OrderFilter filter, OrderCursor after, int limit) {
        requirePositive(limit);
        Conditions where = new Conditions("o", "reference_order_id")
                .statuses(filter.statuses().stream().map(OrderStatus::name).toList())
                .createdBetween(filter.createdFrom(), filter.createdTo())
                .after(after == null ? null : after.createdAt(), after == null ? null : after.orderId().value());
        return transactions.withHandle(handle -> where.bind(handle.createQuery(ORDER_SUMMARY + where.sql(limit)))
                .map((row, context) -> new OrderSummary(
                        ReferenceOrderId.of(row.getString("reference_order_id")),
                        Money.of(row.getString("currency"), row.getLong("amount_minor")),
                        OrderStatus.valueOf(row.getString("status")),
                        instant(row, "created_at"),
                        text(row, "latest_attempt_status", AttemptStatus::valueOf)))
                .list());
    }

    @Override
    public List<PaymentSummary> paymentsNewestFirst(PaymentFilter filter, PaymentCursor after, int limit) {
        requirePositive(limit);
        Conditions where = new Conditions("a", "payment_request_id")
                .statuses(filter.statuses().stream().map(AttemptStatus::name).toList())
                .createdBetween(filter.createdFrom(), filter.createdTo())
                .after(after == null ? null : after.createdAt(), after == null ? null : after.attemptId().value());
        if (filter.needsReview()) {
            where.add("a.reviews IS NOT NULL");
        }
        return transactions.withHandle(handle -> where.bind(handle.createQuery(PAYMENT_SUMMARY + where.sql(limit)))
                .map((row, context) -> new PaymentSummary(
                        PaymentRequestId.of(row.getString("payment_request_id")),
                        ReferenceOrderId.of(row.getString("reference_order_id")),
                        AttemptStatus.valueOf(row.getString("status")),
                        Money.of(row.getString("currency"), row.getLong("amount_minor")),
                        instant(row, "created_at"),
                        row.getBoolean("needs_review")))
                .list());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The WHERE and ORDER BY of one listing query over a table aliased {@code alias}, newest first. */
    private static final class Conditions {

        private final String alias;
        private final String idColumn;
        private final List<String> conditions = new ArrayList<>();
        private List<String> statuses = List.of();
        private Instant createdFrom;
        private Instant createdTo;
        private Instant cursorCreatedAt;
        private String cursorId;

        Conditions(String alias, String idColumn) {
            this.alias = alias;
            this.idColumn = idColumn;
        }

        Conditions statuses(List<String> names) {
            this.statuses = names;
            if (!names.isEmpty()) {
                conditions.add(alias + ".status IN (<statuses>)");
            }
            return this;
        }

        Conditions createdBetween(Instant from, Instant to) {
            this.createdFrom = from;
            this.createdTo = to;
            if (from != null) {
                conditions.add(alias + ".created_at >= :createdFrom");
            }
            if (to != null) {
                conditions.add(alias + ".created_at < :createdTo");
            }
            return this;
        }

        /**
         * "After the cursor" as a bound on created_at, where both databases start their index range (checked with
         * EXPLAIN on each), and a filter that only ever rejects rows created at the cursor's own instant.
         */
        Conditions after(Instant createdAt, String id) {
            this.cursorCreatedAt = createdAt;
            this.cursorId = id;
            if (createdAt != null) {
                conditions.add(alias + ".created_at <= :cursorCreatedAt");
                conditions.add("(" + alias + ".created_at < :cursorCreatedAt OR " + alias + "." + idColumn
                        + " < :cursorId)");
            }
            return this;
        }

        void add(String condition) {
            conditions.add(condition);
        }

        String sql(int limit) {
            return (conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions))
                    + " ORDER BY " + alias + ".created_at DESC, " + alias + "." + idColumn + " DESC LIMIT " + limit;
        }

        Query bind(Query query) {
            if (!statuses.isEmpty()) {
                query.bindList("statuses", statuses);
            }
            if (createdFrom != null) {
                bindInstant(query, "createdFrom", createdFrom);
            }
            if (createdTo != null) {
                bindInstant(query, "createdTo", createdTo);
            }
            if (cursorCreatedAt != null) {
                bindInstant(query, "cursorCreatedAt", cursorCreatedAt).bind("cursorId", cursorId);
            }
            return query;
        }
    }
}
