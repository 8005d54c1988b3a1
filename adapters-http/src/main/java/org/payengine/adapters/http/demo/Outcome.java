package org.payengine.adapters.http.demo;

import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * What the result page tells the buyer about an order, as the engine knows it (never as the redirect claims):
 * paid, failed (pay again), still processing, closed, or refunded.
 */
enum Outcome {
    /** Authorized or paid: the shop ships. */
    SUCCEEDED,
    /** The latest attempt failed or was cancelled while the order is still open: the buyer may pay again. */
    FAILED,
    /** The latest attempt's result is not known yet. */
    PROCESSING,
    /** The order was closed unpaid. */
    CLOSED,
    /** The order was paid, then refunded in full. */
    REFUNDED;

    static Outcome of(OrderSnapshot order) {
        switch (order.status()) {
            case AUTHORIZED, PAID:
                return SUCCEEDED;
            case CLOSED:
                return CLOSED;
            case REFUNDED:
                return REFUNDED;
            default:
                PaymentAttempt latest = latestAttempt(order);
                return latest != null && latest.status().isAwaitingResult() ? PROCESSING : FAILED;
        }
    }

    static PaymentAttempt latestAttempt(OrderSnapshot order) {
        return order.attempts().isEmpty() ? null : order.attempts().get(order.attempts().size() - 1);
    }
}
