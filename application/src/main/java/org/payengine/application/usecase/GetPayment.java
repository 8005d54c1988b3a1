package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Optional;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.PaymentAttempt;

/** Reads one payment attempt (it names its order) with its card facts, capture and deadline. */
public final class GetPayment {

    private final Transactions transactions;
    private final Orders orders;

    @Inject
    public GetPayment(Transactions transactions, Orders orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    public Optional<PaymentAttempt> get(PaymentRequestId attemptId) {
        return transactions.inTransaction(
                () -> orders.findByPaymentRequestId(attemptId).flatMap(order -> order.attempt(attemptId)));
    }
}
