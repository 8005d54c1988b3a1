package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.application.usecase.SyncPayment.Synced;
import org.payengine.domain.Result;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The poller's half for payment results: asks Antom about an attempt still {@code INITIATED}, {@code PENDING} or
 * {@code UNKNOWN} on the {@link PollSchedule}, and applies the answer through {@link SyncPayment} (the path
 * notifications take too). It never decides a payment failed: once the payment is past its expiry and the grace
 * period and Antom still calls it processing, it cancels the payment at Antom — so the buyer can no longer pay —
 * and lets the cancel's answer settle it.
 *
 * <p>An attempt {@code INITIATED} less than the call window ago is left to the pay call that is writing its
 * answer, and looked at again on the fast schedule until that answer is there. Older ones (a crash between writing {@code INITIATED} and the answer) are inquired by payment request id;
 * Antom's {@code ORDER_NOT_EXIST} fails them only by {@link SyncPayment}'s rule, once no late pay request can
 * create the payment any more.
 */
final class PaymentResultPoller implements DueItemHandler {

    private static final System.Logger LOG = System.getLogger(PaymentResultPoller.class.getName());

    private final GetPayment getPayment;
    private final SyncPayment syncPayment;
    private final CancelPayment cancelPayment;
    private final PollTiming timing;

    PaymentResultPoller(GetPayment getPayment, SyncPayment syncPayment, CancelPayment cancelPayment,
                        PollTiming timing) {
        this.getPayment = getPayment;
        this.syncPayment = syncPayment;
        this.cancelPayment = cancelPayment;
        this.timing = timing;
    }

    @Override
    public Instant work(Claim item, Instant now) {
        Optional<PaymentAttempt> found = getPayment.get(item.attempt());
        if (found.isEmpty() || !found.get().status().isAwaitingResult()) {
            return timing.slow(now);
        }
        PaymentAttempt attempt = found.get();
        Instant callOver = attempt.initiatedAt().plus(timing.schedule().callWindow());
        if (attempt.status() == AttemptStatus.INITIATED && now.isBefore(callOver)) {
            // look again soon (a read, not a call): once the pay call has written its answer, a payment whose
            // notification never comes is inquired on the fast schedule instead of after the whole call window
            Instant soon = timing.next(attempt.initiatedAt(), now);
            return soon.isBefore(callOver) ? soon : callOver;
        }
        Result<Synced> synced = syncPayment.sync(attempt.id());
        if (!synced.isAccepted() || !synced.value().attempt().status().isAwaitingResult()) {
            return timing.slow(now);
        }
        if (now.isBefore(attempt.expiresAt().plus(timing.schedule().expiryGrace()))) {
            return timing.next(attempt.initiatedAt(), now);
        }
        if (synced.value().inquiry() == Inquiry.ANSWERED) {
            cancelOverdue(attempt);
        }
        return timing.slow(now);
    }

    /** Antom still calls a payment processing long after it expired: end it at Antom, and take Antom's word. */
    private void cancelOverdue(PaymentAttempt attempt) {
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(attempt.id());
        if (cancelled.isAccepted()) {
            LOG.log(Level.INFO, () -> "poller: " + attempt.id() + " was still processing at Antom past its expiry ("
                    + attempt.expiresAt() + ") and the grace period; cancel sent, the attempt is now "
                    + cancelled.value().status());
        } else {
            LOG.log(Level.WARNING, () -> "poller: " + attempt.id() + " is overdue but Antom refused to cancel it: "
                    + cancelled.rejection().message() + "; asking again later");
        }
    }
}
