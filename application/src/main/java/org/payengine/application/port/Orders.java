package org.payengine.application.port;

import java.util.Optional;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.Order;

/**
 * The orders, each loaded and saved whole, with its attempts, captures and refunds
 * ({@link org.payengine.domain.order.OrderSnapshot}). Used inside {@link Transactions}; every method
 * sees the writes of its own transaction.
 *
 * <p>Each {@code find…} returns a new {@link Order} object (changing it changes nothing stored until it is
 * saved), or empty when no order matches. Thread-safe.
 */
public interface Orders {

    Optional<Order> findByReferenceOrderId(ReferenceOrderId id);

    /** The order that owns the attempt with this payment request id. */
    Optional<Order> findByPaymentRequestId(PaymentRequestId id);

    /** The order that owns the attempt with this Antom payment id. */
    Optional<Order> findByPaymentId(PaymentId id);

    /** The order that owns the capture with this capture request id. */
    Optional<Order> findByCaptureRequestId(CaptureRequestId id);

    /** The order that owns the capture with this Antom capture id. */
    Optional<Order> findByCaptureId(CaptureId id);

    /** The order that owns the refund with this refund request id. */
    Optional<Order> findByRefundRequestId(RefundRequestId id);

    /**
     * Saves the order's {@linkplain Order#snapshot() state} as version {@code order.version() + 1}, and in the
     * same transaction appends its {@linkplain Order#pendingEvents() pending events} to the {@link Outbox} and
     * its {@linkplain Order#pendingAuditEntries() pending audit entries} to the {@link AuditLog}.
     * An order of version 0 is inserted; any other is updated only if the stored version is still
     * {@code order.version()}. An order object is saved at most once.
     *
     * <p>In the same transaction the save keeps the order's {@link DueWork} items in step with its
     * {@linkplain Order#pendingWork() pending work}: it adds the items the order needs and lacks (due from their
     * {@link org.payengine.domain.work.PendingWork#since()}), removes those it no longer needs, and leaves the others
     * as they are. The order says what it needs; the store applies no rule of its own.
     *
     * <p>The store backs the domain's rule "one success per order" with a unique constraint (at most one
     * successful attempt per order; a payment request id, payment id, capture request id and refund request id
     * belong to one attempt only).
     *
     * @throws ConcurrentUpdateException when the stored version differs, or an order with this reference order
     *                                   id exists already (a concurrent create)
     */
    void save(Order order);
}
