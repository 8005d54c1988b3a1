package org.payengine.application.usecase;

import jakarta.inject.Inject;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.Order;

/**
 * Raises "capture deadline near" for an authorized, uncaptured manual-capture payment, once per payment (for the
 * capture guard, which claims them as {@link org.payengine.domain.work.WorkKind#CAPTURE_DEADLINE} due work and
 * then captures or cancels them by its policy through {@link CapturePayment} or {@link CancelPayment}).
 */
public final class WarnCaptureDeadline {

    private final Transactions transactions;
    private final Orders orders;
    private final Clock clock;

    @Inject
    public WarnCaptureDeadline(Transactions transactions, Orders orders, Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.clock = clock;
    }

    /** @return whether the warning was raised now (false when raised before, or the payment needs none) */
    public boolean warn(PaymentRequestId attemptId) {
        return transactions.inTransaction(() -> {
            Order order = orders.findByPaymentRequestId(attemptId).orElse(null);
            if (order == null || !order.warnCaptureDeadlineNear(attemptId, clock.now())) {
                return false;
            }
            orders.save(order);
            return true;
        });
    }
}
