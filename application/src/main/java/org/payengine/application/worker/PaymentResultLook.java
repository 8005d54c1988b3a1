package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Instant;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.application.usecase.SyncPayment.Synced;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;

/**
 * A look at a payment result Antom owes: asks Antom through {@link SyncPayment#inquire} (the answer is applied on
 * the path notifications take). It never decides a payment failed: when Antom still calls a payment processing
 * after it expired and its notification's grace passed, it cancels the payment at Antom — so the buyer can no
 * longer pay — and lets the cancel's answer settle it. Antom's {@code ORDER_NOT_EXIST} for a pay call that never
 * reached Antom fails the attempt only by {@link SyncPayment}'s rule.
 */
final class PaymentResultLook implements FollowUp.Look {

    private static final System.Logger LOG = System.getLogger(PaymentResultLook.class.getName());

    private final SyncPayment syncPayment;
    private final CancelPayment cancelPayment;
    private final FollowUpPolicy policy;

    PaymentResultLook(SyncPayment syncPayment, CancelPayment cancelPayment, FollowUpPolicy policy) {
        this.syncPayment = syncPayment;
        this.cancelPayment = cancelPayment;
        this.policy = policy;
    }

    @Override
    public boolean take(PaymentAttempt attempt, FollowUpReason reason, Instant now) {
        Result<Synced> synced = syncPayment.inquire(attempt.id());
        if (!synced.isAccepted()) {
            return true;
        }
        if (synced.value().inquiry() == Inquiry.NOT_SENT) {
            return false;
        }
        boolean overdue = !now.isBefore(attempt.expiresAt().plus(policy.paymentGrace()));
        if (synced.value().inquiry() == Inquiry.ANSWERED && overdue
                && synced.value().attempt().status().isAwaitingResult()) {
            cancelOverdue(attempt);
        }
        return true;
    }

    /** Antom still calls a payment processing long after it expired: end it at Antom, and take Antom's word. */
    private void cancelOverdue(PaymentAttempt attempt) {
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(attempt.id(), AuditSource.WORKER);
        if (cancelled.isAccepted()) {
            LOG.log(Level.INFO, () -> "follow-up: " + attempt.id() + " was still processing at Antom past its expiry ("
                    + attempt.expiresAt() + ") and the grace period; cancel sent, the attempt is now "
                    + cancelled.value().status());
        } else {
            LOG.log(Level.WARNING, () -> "follow-up: " + attempt.id() + " is overdue but was not cancelled: "
                    + cancelled.rejection().message() + "; looking again later");
        }
    }
}
