package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Optional;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.RefundPayment.Refunded;
import org.payengine.domain.id.RefundRequestId;

/** Reads one refund, by its refund request id, with the payment attempt it belongs to. */
public final class GetRefund {

    private final Transactions transactions;
    private final Orders orders;

    @Inject
    public GetRefund(Transactions transactions, Orders orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    public Optional<Refunded> get(RefundRequestId requestId) {
        return transactions.inTransaction(() -> orders.findByRefundRequestId(requestId)
                .flatMap(order -> order.attempts().stream()
                        .filter(attempt -> attempt.refund(requestId).isPresent())
                        .findFirst()
                        .map(attempt -> new Refunded(attempt, attempt.refund(requestId).orElseThrow()))));
    }
}
