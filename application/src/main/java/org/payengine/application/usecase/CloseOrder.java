package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Optional;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.OrderNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;

/**
 * Closes an unpaid order for good. Idempotent. A payment of the order that still succeeds afterwards is
 * treated as a duplicate and undone.
 */
public final class CloseOrder {

    private final Transactions transactions;
    private final Orders orders;
    private final Clock clock;

    @Inject
    public CloseOrder(Transactions transactions, Orders orders, Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.clock = clock;
    }

    /** @return the closed order, or {@code ORDER_NOT_FOUND}, or {@code ORDER_ALREADY_PAID} when it is authorized or paid */
    public Result<OrderSnapshot> close(ReferenceOrderId orderId, String reason) {
        return transactions.inTransaction(() -> {
            Optional<Order> order = orders.findByReferenceOrderId(orderId);
            if (order.isEmpty()) {
                return Result.refused(new OrderNotFound(orderId));
            }
            var closed = order.get().close(reason, AuditSource.MERCHANT, clock.now());
            if (order.get().hasChanges()) {
                orders.save(order.get());
            }
            return closed.map(status -> order.get().snapshot());
        });
    }
}
