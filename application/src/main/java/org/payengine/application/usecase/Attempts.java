package org.payengine.application.usecase;

import java.util.Optional;
import org.payengine.application.port.Orders;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.PaymentAttempt;

/** Finding one attempt through the order that owns it. */
final class Attempts {

    private Attempts() {
    }

    static Optional<PaymentAttempt> find(Orders orders, PaymentRequestId attemptId) {
        return orders.findByPaymentRequestId(attemptId).flatMap(order -> order.attempt(attemptId));
    }
}
