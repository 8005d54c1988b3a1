package org.payengine.application.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.RemediationStatus;

/**
 * One piece of background work an attempt needs now.
 *
 * @param since when the need arose (the attempt was initiated, the capture requested, the payment authorized);
 *              a new {@link DueWork} item is due from then, and the poller's schedule counts from it
 */
public record WorkItem(WorkKind kind, PaymentRequestId attempt, Instant since) {

    public WorkItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(since, "since");
    }

    /**
     * The work an order needs in the state it is in: the single rule behind every store's {@link DueWork} items,
     * which {@link Orders#save} keeps in step with it.
     *
     * <p>A store may trust that an order's stored items are what this rule gave for the order as it read it, and
     * write only the difference (the JDBC store does). So a change to this rule must come with a migration that
     * brings the stored items of existing orders in step with it; otherwise an item the new rule needs could be
     * taken for present and never be worked.
     */
    public static List<WorkItem> neededBy(OrderSnapshot order) {
        List<WorkItem> needed = new ArrayList<>();
        for (PaymentAttempt attempt : order.attempts()) {
            AttemptStatus status = attempt.status();
            if (status.isAwaitingResult()) {
                needed.add(new WorkItem(WorkKind.PAYMENT_RESULT, attempt.id(), attempt.initiatedAt()));
            }
            if (status == AttemptStatus.AUTHORIZED) {
                Capture capture = attempt.capture();
                if (capture != null && capture.status().isUnresolved()) {
                    needed.add(new WorkItem(WorkKind.CAPTURE_RESULT, attempt.id(), capture.requestedAt()));
                } else if (capture == null && attempt.captureMode() == CaptureMode.AUTOMATIC) {
                    needed.add(new WorkItem(WorkKind.CAPTURE_RESULT, attempt.id(), attempt.authorization().authorizedAt()));
                }
                if (attempt.captureMode() == CaptureMode.MANUAL && !attempt.duplicate()) {
                    needed.add(new WorkItem(WorkKind.CAPTURE_DEADLINE, attempt.id(),
                            attempt.authorization().authorizedAt()));
                }
            }
            RemediationStatus remediation = attempt.remediation().orElse(null);
            if (remediation != null && !remediation.isDone() && remediation != RemediationStatus.REFUND_FAILED) {
                needed.add(new WorkItem(WorkKind.DUPLICATE, attempt.id(), attempt.authorization().authorizedAt()));
            }
        }
        return needed;
    }
}
