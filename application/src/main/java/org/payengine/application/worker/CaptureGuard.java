package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Watches manual-capture authorizations nobody captured, so none lapses unnoticed at Antom's capture deadline:
 * {@link CaptureGuardSettings#lead()} before the deadline it raises "capture deadline near" (once) and, with
 * {@link CaptureGuardPolicy#CAPTURE}, captures the authorized amount; {@link CaptureGuardSettings#margin()} before
 * the deadline it cancels what is still uncaptured with no capture on its way, so the buyer's funds are released
 * cleanly. It never acts at Antom at or after the deadline: from then on it only asks Antom (which releases the
 * funds itself) until the attempt is settled from Antom's answer.
 */
final class CaptureGuard implements DueItemHandler {

    private static final System.Logger LOG = System.getLogger(CaptureGuard.class.getName());

    private final Transactions transactions;
    private final Orders orders;
    private final GetPayment getPayment;
    private final SyncPayment syncPayment;
    private final CapturePayment capturePayment;
    private final CancelPayment cancelPayment;
    private final CaptureGuardSettings guard;
    private final PollTiming timing;

    CaptureGuard(Transactions transactions, Orders orders, GetPayment getPayment, SyncPayment syncPayment,
                 CapturePayment capturePayment, CancelPayment cancelPayment, CaptureGuardSettings guard,
                 PollTiming timing) {
        this.transactions = transactions;
        this.orders = orders;
        this.getPayment = getPayment;
        this.syncPayment = syncPayment;
        this.capturePayment = capturePayment;
        this.cancelPayment = cancelPayment;
        this.guard = guard;
        this.timing = timing;
    }

    @Override
    public Instant work(Claim item, Instant now) {
        Optional<PaymentAttempt> found = getPayment.get(item.attempt()).filter(CaptureGuard::isGuarded);
        if (found.isEmpty()) {
            return now.plus(guard.recheck());
        }
        PaymentAttempt attempt = found.get();
        Instant deadline = attempt.captureDeadline();
        if (!now.isBefore(deadline)) {
            syncPayment.sync(attempt.id());
            return timing.slow(now);
        }
        Instant warnAt = deadline.minus(guard.lead());
        Instant cancelAt = deadline.minus(guard.margin());
        Capture capture = attempt.capture();
        boolean captureOnItsWay = capture != null && capture.status().isUnresolved();
        if (!now.isBefore(warnAt) && !attempt.authorization().deadlineWarningRaised()) {
            warn(attempt, now);
        }
        if (guard.policy() == CaptureGuardPolicy.CAPTURE && !now.isBefore(warnAt) && capture == null) {
            capture(attempt);
            return earliest(timing.slow(now), cancelAt);
        }
        if (!now.isBefore(cancelAt) && !captureOnItsWay) {
            cancel(attempt);
            return earliest(timing.slow(now), deadline);
        }
        Instant nextStep = now.isBefore(warnAt) ? warnAt
                : now.isBefore(cancelAt) ? cancelAt : timing.slow(now);
        return earliest(nextStep, now.plus(guard.recheck()), deadline);
    }

    /** Authorized manual-capture attempts, not duplicates, not captured: what the guard looks after. */
    private static boolean isGuarded(PaymentAttempt attempt) {
        return attempt.status() == AttemptStatus.AUTHORIZED && attempt.captureMode() == CaptureMode.MANUAL
                && !attempt.duplicate() && attempt.captureDeadline() != null
                && (attempt.capture() == null || attempt.capture().status() != CaptureStatus.SUCCEEDED);
    }

    private void warn(PaymentAttempt attempt, Instant now) {
        transactions.run(() -> orders.findByPaymentRequestId(attempt.id()).ifPresent(order -> {
            if (order.warnCaptureDeadlineNear(attempt.id(), now)) {
                orders.save(order);
            }
        }));
    }

    private void capture(PaymentAttempt attempt) {
        Result<PaymentAttempt> captured = capturePayment.capture(
                new CapturePayment.Command(attempt.id(), null, AuditSource.WORKER));
        LOG.log(Level.INFO, () -> "capture guard: captured " + attempt.id() + " before its deadline "
                + attempt.captureDeadline() + ": " + (captured.isAccepted()
                ? "capture " + captured.value().capture().status() : captured.rejection().message()));
    }

    private void cancel(PaymentAttempt attempt) {
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(attempt.id());
        LOG.log(Level.INFO, () -> "capture guard: nobody captured " + attempt.id() + " before its deadline "
                + attempt.captureDeadline() + "; cancelled to release the funds: " + (cancelled.isAccepted()
                ? "now " + cancelled.value().status() : cancelled.rejection().message()));
    }

    private static Instant earliest(Instant first, Instant... others) {
        return Stream.concat(Stream.of(first), Stream.of(others)).min(Instant::compareTo).orElseThrow();
    }
}
