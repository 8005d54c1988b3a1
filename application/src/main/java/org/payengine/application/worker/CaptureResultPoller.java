package org.payengine.application.worker;

import java.time.Instant;
import java.util.Optional;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The poller's half for capture results, on the {@link PollSchedule}: a capture {@code PROCESSING}, or an automatic
 * capture Antom has not reported yet, is inquired ({@link SyncPayment} applies the capture transaction Antom lists);
 * a capture still {@code REQUESTED} once the call window has passed (its call's answer was lost, or the process died
 * before the call) is sent again through {@link CapturePayment} under the same capture request id, so Antom's
 * idempotency returns the first capture's result instead of capturing twice. Past the capture deadline nothing is
 * sent; the capture is only inquired.
 */
final class CaptureResultPoller implements DueItemHandler {

    private final GetPayment getPayment;
    private final SyncPayment syncPayment;
    private final CapturePayment capturePayment;
    private final PollTiming timing;

    CaptureResultPoller(GetPayment getPayment, SyncPayment syncPayment, CapturePayment capturePayment,
                        PollTiming timing) {
        this.getPayment = getPayment;
        this.syncPayment = syncPayment;
        this.capturePayment = capturePayment;
        this.timing = timing;
    }

    @Override
    public Instant work(Claim item, Instant now) {
        Optional<PaymentAttempt> found = getPayment.get(item.attempt());
        if (found.isEmpty() || found.get().status() != AttemptStatus.AUTHORIZED) {
            return timing.slow(now);
        }
        PaymentAttempt attempt = found.get();
        Capture capture = attempt.capture();
        if (capture == null) {
            syncPayment.sync(attempt.id());
            return timing.next(attempt.authorization().authorizedAt(), now);
        }
        boolean answerLost = capture.status() == CaptureStatus.REQUESTED
                && !now.isBefore(capture.requestedAt().plus(timing.schedule().callWindow()));
        if (answerLost && attempt.authorization().allowsCaptureAt(now)) {
            capturePayment.capture(new CapturePayment.Command(attempt.id(), null, AuditSource.WORKER));
        } else {
            syncPayment.sync(attempt.id());
        }
        return timing.next(capture.requestedAt(), now);
    }
}
