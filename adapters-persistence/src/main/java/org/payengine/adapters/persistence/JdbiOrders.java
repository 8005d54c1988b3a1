package org.payengine.adapters.persistence;

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
import org.payengine.domain.work.PendingWork;

/**
 * Orders in their tables ({@link OrderTables}), saved whole with an optimistic version check, with
 * their pending audit entries and events written in the same transaction and their due work
 * ({@link JdbiDueWork}) brought in step with the work they say they need.
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
            // The rows hold what the order said it needed when it was last saved, i.e. what it says as read.
            Optional<List<PendingWork>> storedWork = snapshot.version() == 0 ? Optional.of(List.of())
                    : readAtThisVersion.map(stored -> stored.snapshot().pendingWork());
            JdbiDueWork.keepInStep(handle, snapshot, order.pendingWork(), storedWork);
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
