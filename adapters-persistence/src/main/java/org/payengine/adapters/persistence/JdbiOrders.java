package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.payengine.adapters.persistence.OrderTables.StoredOrder;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.Orders;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;

/**
 * Orders in their tables ({@link OrderTables}), saved whole with an optimistic version check, with
 * their pending audit entries and events written in the same transaction.
 */
final class JdbiOrders implements Orders {

    private static final String ONE_SUCCESS_PER_ORDER = "payment_attempts_one_success_per_order";
    private static final String ONE_ORDER_PER_REFERENCE = "orders_reference_order_id_unique";
    private static final Object ORDERS_READ = new Object();

    private final JdbiTransactions transactions;

    JdbiOrders(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Order> findByReferenceOrderId(ReferenceOrderId id) {
        return find(OrderTables.Key.REFERENCE_ORDER_ID, id.value());
    }

    @Override
    public Optional<Order> findByPaymentRequestId(PaymentRequestId id) {
        return find(OrderTables.Key.PAYMENT_REQUEST_ID, id.value());
    }

    @Override
    public Optional<Order> findByPaymentId(PaymentId id) {
        return find(OrderTables.Key.PAYMENT_ID, id.value());
    }

    @Override
    public Optional<Order> findByCaptureRequestId(CaptureRequestId id) {
        return find(OrderTables.Key.CAPTURE_REQUEST_ID, id.value());
    }

    @Override
    public Optional<Order> findByCaptureId(CaptureId id) {
        return find(OrderTables.Key.CAPTURE_ID, id.value());
    }

    @Override
    public Optional<Order> findByRefundRequestId(RefundRequestId id) {
        return find(OrderTables.Key.REFUND_REQUEST_ID, id.value());
    }

    @Override
    public void save(Order order) {
        transactions.withHandle(handle -> {
            OrderSnapshot snapshot = order.snapshot();
            Map<ReferenceOrderId, StoredOrder> read = ordersRead();
            // What this transaction read at the version being saved lets the save write only what changed;
            // once saved, that is no longer what the rows hold.
            Optional<StoredOrder> readAtThisVersion = Optional.ofNullable(read.remove(snapshot.id()))
                    .filter(stored -> stored.snapshot().version() == snapshot.version());
            long orderRowId = saveState(handle, snapshot, readAtThisVersion);
            JdbiAuditLog.append(handle, orderRowId, order.pendingAuditEntries());
            JdbiOutbox.append(handle, order.pendingEvents());
            JdbiDueWork.keepInStep(handle, snapshot);
            return null;
        });
    }

    private static long saveState(Handle handle, OrderSnapshot snapshot, Optional<StoredOrder> read) {
        try {
            return OrderTables.save(handle, snapshot, read)
                    .orElseThrow(() -> new ConcurrentUpdateException(snapshot.id(), snapshot.version()));
        } catch (RuntimeException failure) {
            // Two writers that both passed their version check cannot exist, so these constraints
            // fire only for two creators of one order, or as the backstop of "one success per order";
            // either way, running the unit of work again with fresh reads settles it.
            if (DatabaseFailures.violates(failure, ONE_SUCCESS_PER_ORDER)) {
                throw new ConcurrentUpdateException(snapshot.id(), "another writer stored a successful attempt first");
            }
            if (snapshot.version() == 0 && DatabaseFailures.violates(failure, ONE_ORDER_PER_REFERENCE)) {
                throw new ConcurrentUpdateException(snapshot.id(), "another writer created this order first");
            }
            throw failure;
        }
    }

    @Override
    public List<PaymentRequestId> findAttemptsAwaitingAntom(int limit) {
        // Two index ranges over the attempts and one over the captures (most of which SUCCEEDED long ago),
        // rather than one condition with ORs, which H2 (and PostgreSQL across the join) answers by scanning.
        return attemptIds("""
                SELECT payment_request_id FROM (
                    SELECT a.payment_request_id, a.created_at, a.id FROM payment_attempts a
                    WHERE a.status IN ('INITIATED', 'PENDING', 'UNKNOWN')
                    UNION
                    SELECT a.payment_request_id, a.created_at, a.id FROM payment_attempts a
                    WHERE a.status = 'AUTHORIZED' AND a.capture_mode = 'AUTOMATIC'
                    UNION
                    SELECT a.payment_request_id, a.created_at, a.id FROM captures c
                    JOIN payment_attempts a ON a.id = c.attempt_id
                    WHERE c.status IN ('REQUESTED', 'PROCESSING') AND a.status = 'AUTHORIZED'
                ) awaiting
                ORDER BY created_at, id
                LIMIT :limit""", limit, null);
    }

    @Override
    public List<PaymentRequestId> findUncapturedWithDeadlineBefore(Instant deadlineBefore, int limit) {
        return attemptIds("""
                SELECT a.payment_request_id FROM payment_attempts a
                LEFT JOIN captures c ON c.attempt_id = a.id
                WHERE a.status = 'AUTHORIZED' AND a.duplicate = FALSE AND a.capture_mode = 'MANUAL'
                  AND (c.status IS NULL OR c.status <> 'SUCCEEDED')
                  AND a.capture_deadline < :before
                ORDER BY a.capture_deadline, a.id
                LIMIT :limit""", limit, deadlineBefore);
    }

    @Override
    public List<PaymentRequestId> findDuplicatesToUndo(int limit) {
        return attemptIds("""
                SELECT a.payment_request_id FROM payment_attempts a
                LEFT JOIN refunds r ON r.attempt_id = a.id
                WHERE a.status IN ('AUTHORIZED', 'CAPTURED') AND a.duplicate = TRUE
                  AND (r.status IS NULL OR r.status <> 'FAILED')
                ORDER BY a.created_at, a.id
                LIMIT :limit""", limit, null);
    }

    private List<PaymentRequestId> attemptIds(String sql, int limit, Instant before) {
        return transactions.withHandle(handle -> {
            var query = handle.createQuery(sql).bind("limit", limit);
            if (before != null) {
                bindInstant(query, "before", before);
            }
            return query.mapTo(String.class).map(PaymentRequestId::of).list();
        });
    }

    private Optional<Order> find(OrderTables.Key key, String value) {
        return transactions.withHandle(handle -> {
            Optional<StoredOrder> stored = OrderTables.find(handle, key, value);
            stored.ifPresent(order -> ordersRead().put(order.snapshot().id(), order));
            return stored;
        }).map(stored -> Order.restore(stored.snapshot()));
    }

    /** The orders this transaction read (the last read of each), as they were read. */
    private Map<ReferenceOrderId, StoredOrder> ordersRead() {
        return transactions.transactionState(ORDERS_READ, HashMap::new);
    }
}
