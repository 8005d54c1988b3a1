package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Optional;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;

/** Reads an order with its attempts, captures and refunds. */
public final class GetOrder {

    private final Transactions transactions;
    private final Orders orders;

    @Inject
    public GetOrder(Transactions transactions, Orders orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    public Optional<OrderSnapshot> get(ReferenceOrderId orderId) {
        return transactions.inTransaction(() -> orders.findByReferenceOrderId(orderId).map(Order::snapshot));
    }
}
