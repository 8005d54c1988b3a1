package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.port.DueWork.Looks;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;

/**
 * Watches manual-capture authorizations nobody captured, so none lapses unnoticed at Antom's capture deadline:
 * {@link CaptureGuardSettings#lead()} before the deadline it raises "capture deadline near" (once) and, with
 * {@link CaptureGuardPolicy#CAPTURE}, captures the authorized amount; {@link CaptureGuardSettings#margin()} before
 * the deadline it cancels what is still uncaptured with no capture on its way, so the buyer's funds are released
 * cleanly. It never acts at Antom at or after the deadline: from then on it only asks Antom (which releases the
 * funds itself) until the attempt is settled from Antom's answer.
 */
final class CaptureGuard implements DueItemHandler {

    /** How soon a step that could not be taken (no call budget, no definite answer) is tried again. */
    private static final Duration STEP_AGAIN = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(CaptureGuard.class.getName());

    private final Transactions transactions;
    private final Orders orders;
    private final GetPayment getPayment;
    private final SyncPayment syncPayment;
    private final CapturePayment capturePayment;
    private final CancelPayment cancelPayment;
    private final CaptureGuardSettings guard;
    private final FollowUpPolicy policy;
    private final CallBudget budget;
    private final Unsettled unsettled;

    CaptureGuard(Transactions transactions, Orders orders, GetPayment getPayment, SyncPayment syncPayment,
                 CapturePayment capturePayment, CancelPayment cancelPayment, CaptureGuardSettings guard,
                 FollowUpPolicy policy, CallBudget budget, Unsettled unsettled) {
        this.transactions = transactions;
        this.orders = orders;
        this.getPayment = getPayment;
        this.syncPayment = syncPayment;
        this.capturePayment = capturePayment;
        this.cancelPayment = cancelPayment;
        this.guard = guard;
        this.policy = policy;
        this.budget = budget;
        this.unsettled = unsettled;
    }

    @Override
    public Next work(Claim item, Instant now) {
        Optional<PaymentAttempt> found = getPayment.get(item.attempt()).filter(CaptureGuard::isGuarded);
        if (found.isEmpty()) {
            return Next.at(now.plus(guard.recheck()));
        }
        PaymentAttempt attempt = found.get();
        Instant deadline = attempt.captureDeadline();
        if (!now.isBefore(deadline)) {
            return afterDeadline(item, attempt, now);
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
            return Next.at(earliest(now.plus(STEP_AGAIN), cancelAt));
        }
        // a cancel already sent whose answer is awaited is the cancel follow-up's to settle, not sent again from here
        boolean cancelOnItsWay = attempt.authorization().cancelAwaited();
        if (!now.isBefore(cancelAt) && !captureOnItsWay && !cancelOnItsWay) {
            cancel(attempt);
            return Next.at(earliest(now.plus(STEP_AGAIN), deadline));
        }
        Instant nextStep = now.isBefore(warnAt) ? warnAt
                : now.isBefore(cancelAt) ? cancelAt : now.plus(STEP_AGAIN);
        return Next.at(earliest(nextStep, now.plus(guard.recheck()), deadline));
    }

    /**
     * Past the deadline Antom releases the funds by itself and notifies nothing the engine can wait for: the guard
     * asks Antom on the slow schedule counted from the deadline, and raises the attempt for review when the looks
     * are used up.
     */
    private Next afterDeadline(Claim item, PaymentAttempt attempt, Instant now) {
        Instant deadline = attempt.captureDeadline();
        Optional<Instant> look = policy.lookAt(FollowUpReason.CAPTURE_DEADLINE, deadline, item.looks());
        if (look.isEmpty()) {
            unsettled.raise(attempt.id(), "CAPTURE_DEADLINE_UNSETTLED", "still authorized " + item.looks()
                    + " looks after its capture deadline " + deadline + "; the engine stopped asking", now);
            return Next.at(DueWork.PARKED);
        }
        if (now.isBefore(look.get())) {
            return Next.at(look.get());
        }
        var synced = syncPayment.inquire(attempt.id());
        if (synced.isAccepted() && synced.value().inquiry() == Inquiry.NOT_SENT) {
            return Next.at(budget.retryAt());
        }
        Instant next = policy.lookAt(FollowUpReason.CAPTURE_DEADLINE, deadline, item.looks() + 1).orElse(now);
        return new Next(next, Looks.scheduledLook());
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
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(attempt.id(), AuditSource.WORKER);
        LOG.log(Level.INFO, () -> "capture guard: nobody captured " + attempt.id() + " before its deadline "
                + attempt.captureDeadline() + "; cancelled to release the funds: " + (cancelled.isAccepted()
                ? "now " + cancelled.value().status() : cancelled.rejection().message()));
    }

    private static Instant earliest(Instant first, Instant... others) {
        return Stream.concat(Stream.of(first), Stream.of(others)).min(Instant::compareTo).orElseThrow();
    }
}
