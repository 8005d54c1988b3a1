package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Instant;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Raises an attempt for review when its follow-up used up its looks and Antom's answer is still missing: the
 * engine stops asking (a payment is never asked about more than its cap) and a person, or the next
 * reconciliation, settles it.
 */
final class Unsettled {

    private static final System.Logger LOG = System.getLogger(Unsettled.class.getName());

    private final Transactions transactions;
    private final Orders orders;

    Unsettled(Transactions transactions, Orders orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    void raise(PaymentRequestId attempt, String reason, String detail, Instant now) {
        boolean raised = transactions.inTransaction(() -> orders.findByPaymentRequestId(attempt).map(order -> {
            boolean raisedNow = order.raiseUnsettled(attempt, reason, detail, now);
            if (raisedNow) {
                orders.save(order);
            }
            return raisedNow;
        }).orElse(false));
        if (raised) {
            LOG.log(Level.WARNING, () -> "follow-up: " + attempt + " raised for review, " + reason + ": " + detail);
        }
    }
}
