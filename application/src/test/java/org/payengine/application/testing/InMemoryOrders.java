package org.payengine.application.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.Orders;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.PendingWork;

/** {@link Orders} in memory, with optimistic versions; appends events and audit entries on save. */
public final class InMemoryOrders implements Orders {

    private final InMemoryDatabase database;

    public InMemoryOrders(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Order> findByReferenceOrderId(ReferenceOrderId id) {
        return database.read(state -> Optional.ofNullable(state.orders().get(id))).map(Order::restore);
    }

    @Override
    public Optional<Order> findByPaymentRequestId(PaymentRequestId id) {
        return findOwner(attempt -> attempt.id().equals(id));
    }

    @Override
    public Optional<Order> findByPaymentId(PaymentId id) {
        return findOwner(attempt -> id.equals(attempt.paymentId()));
    }

    @Override
    public Optional<Order> findByCaptureRequestId(CaptureRequestId id) {
        return findOwner(attempt -> attempt.capture() != null && id.equals(attempt.capture().requestId()));
    }

    @Override
    public Optional<Order> findByCaptureId(CaptureId id) {
        return findOwner(attempt -> attempt.capture() != null && id.equals(attempt.capture().captureId()));
    }

    @Override
    public Optional<Order> findByRefundRequestId(RefundRequestId id) {
        return findOwner(attempt -> attempt.refund(id).isPresent());
    }

    @Override
    public void save(Order order) {
        long expected = order.version();
        OrderSnapshot saved = order.snapshot().withVersion(expected + 1);
        List<DomainEvent> events = List.copyOf(order.pendingEvents());
        List<AuditEntry> entries = List.copyOf(order.pendingAuditEntries());
        List<PendingWork> work = order.pendingWork();
        database.write(state -> {
            OrderSnapshot stored = state.orders().get(saved.id());
            if (expected == 0 && stored != null) {
                throw new ConcurrentUpdateException(saved.id(), "an order with this reference order id exists already");
            }
            if (expected != 0 && (stored == null || stored.version() != expected)) {
                throw new ConcurrentUpdateException(saved.id(), expected);
            }
            return state.withOrder(saved, events, entries, work);
        });
    }

    private Optional<Order> findOwner(Predicate<PaymentAttempt> matches) {
        return database.read(state -> state.orders().values().stream()
                .filter(order -> order.attempts().stream().anyMatch(matches)).findFirst())
                .map(Order::restore);
    }

    /** Every stored order, for assertions in tests. */
    public Map<ReferenceOrderId, OrderSnapshot> all() {
        return database.read(InMemoryState::orders);
    }
}
