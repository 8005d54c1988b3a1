package org.payengine.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

/** Which background work an order's state needs: the rule behind {@link Order#pendingWork()}. */
final class WorkNeeded {

    private WorkNeeded() {
    }

    /**
     * The work an order needs in the state it is in, attempt by attempt, oldest first: the single rule behind
     * {@link Order#pendingWork()} and so behind every store's due work.
     *
     * <p>A store may trust that an order's stored items are what this rule gave for the order as it read it, and
     * write only the difference (the JDBC store does). So a change to this rule must come with a migration that
     * brings the stored items of existing orders in step with it; otherwise an item the new rule needs could be
     * taken for present and never be worked.
     */
    static List<PendingWork> of(OrderSnapshot order) {
        List<PendingWork> needed = new ArrayList<>();
        for (PaymentAttempt attempt : order.attempts()) {
            needed.addAll(of(attempt));
        }
        return List.copyOf(needed);
    }

    /**
     * The work one attempt needs in the state it is in (its part of {@link #of(OrderSnapshot)}): at most one item
     * per kind; none once the attempt is terminal ({@code FAILED}, {@code CANCELLED}, {@code REFUNDED}), since the
     * order never leaves a terminal attempt with a capture, refund or remediation awaiting Antom.
     */
    static List<PendingWork> of(PaymentAttempt attempt) {
        List<PendingWork> needed = new ArrayList<>();
        AttemptStatus status = attempt.status();
        switch (status) {
            case INITIATED -> needed.add(new PendingWork(WorkKind.PAYMENT_RESULT, attempt.id(),
                    FollowUpReason.PAY_CALL_UNANSWERED, attempt.initiatedAt()));
            case UNKNOWN -> needed.add(new PendingWork(WorkKind.PAYMENT_RESULT, attempt.id(),
                    FollowUpReason.PAYMENT_OUTCOME_UNKNOWN, attempt.initiatedAt()));
            case PENDING -> needed.add(new PendingWork(WorkKind.PAYMENT_RESULT, attempt.id(),
                    FollowUpReason.PAYMENT_NOTIFICATION_AWAITED, attempt.expiresAt()));
            default -> {
            }
        }
        if (status == AttemptStatus.AUTHORIZED) {
            Capture capture = attempt.capture();
            Instant authorizedAt = attempt.authorization().authorizedAt();
            if (capture != null && capture.status() == CaptureStatus.REQUESTED) {
                needed.add(new PendingWork(WorkKind.CAPTURE_RESULT, attempt.id(),
                        FollowUpReason.CAPTURE_CALL_UNANSWERED, capture.requestedAt()));
            } else if (capture != null && capture.status() == CaptureStatus.PROCESSING) {
                needed.add(new PendingWork(WorkKind.CAPTURE_RESULT, attempt.id(),
                        FollowUpReason.CAPTURE_NOTIFICATION_AWAITED, capture.requestedAt()));
            } else if (capture == null && attempt.captureMode() == CaptureMode.AUTOMATIC) {
                needed.add(new PendingWork(WorkKind.CAPTURE_RESULT, attempt.id(),
                        FollowUpReason.CAPTURE_NOTIFICATION_AWAITED, authorizedAt));
            }
            if (attempt.authorization().cancelAwaited()) {
                needed.add(new PendingWork(WorkKind.CANCEL_RESULT, attempt.id(), FollowUpReason.CANCEL_CALL_UNANSWERED,
                        attempt.authorization().cancelRequestedAt()));
            }
            if (attempt.captureMode() == CaptureMode.MANUAL && !attempt.duplicate()) {
                needed.add(new PendingWork(WorkKind.CAPTURE_DEADLINE, attempt.id(), FollowUpReason.CAPTURE_DEADLINE,
                        authorizedAt));
            }
        }
        if (!attempt.duplicate()) {
            refundWork(attempt).ifPresent(needed::add);
        }
        RemediationStatus remediation = attempt.remediation().orElse(null);
        if (remediation != null && !remediation.isDone() && remediation != RemediationStatus.REFUND_FAILED) {
            // due at once, counted on this engine's clock: Antom's payment time may run ahead of it
            needed.add(new PendingWork(WorkKind.DUPLICATE, attempt.id(), FollowUpReason.DUPLICATE,
                    attempt.initiatedAt()));
        }
        return List.copyOf(needed);
    }

    /**
     * The follow-up of an attempt's refunds awaiting Antom: a refund whose call's answer is missing comes first
     * (it is sent again), else one processing; counted from the earliest such refund's request.
     */
    private static Optional<PendingWork> refundWork(PaymentAttempt attempt) {
        Optional<Instant> unanswered = attempt.refunds().stream()
                .filter(refund -> refund.status() == RefundStatus.REQUESTED).map(Refund::requestedAt)
                .min(Comparator.naturalOrder());
        if (unanswered.isPresent()) {
            return Optional.of(new PendingWork(WorkKind.REFUND_RESULT, attempt.id(),
                    FollowUpReason.REFUND_CALL_UNANSWERED, unanswered.get()));
        }
        return attempt.refunds().stream()
                .filter(refund -> refund.status() == RefundStatus.PROCESSING).map(Refund::requestedAt)
                .min(Comparator.naturalOrder())
                .map(since -> new PendingWork(WorkKind.REFUND_RESULT, attempt.id(),
                        FollowUpReason.REFUND_NOTIFICATION_AWAITED, since));
    }
}
