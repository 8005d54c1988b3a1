package org.payengine.application.worker;

import java.time.Instant;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;

/**
 * A look at a capture result Antom owes. A capture still {@code REQUESTED} (its call's answer was lost, or the
 * process died before the call) is sent again through {@link CapturePayment} under the same capture request id, so
 * Antom's idempotency returns the first capture's result instead of capturing twice — but never past the capture
 * deadline; every other capture (processing, or an automatic capture Antom has not reported) is inquired, and
 * {@link SyncPayment} applies the capture transaction Antom lists.
 */
final class CaptureResultLook implements FollowUp.Look {

    private final SyncPayment syncPayment;
    private final CapturePayment capturePayment;

    CaptureResultLook(SyncPayment syncPayment, CapturePayment capturePayment) {
        this.syncPayment = syncPayment;
        this.capturePayment = capturePayment;
    }

    @Override
    public boolean take(PaymentAttempt attempt, FollowUpReason reason, Instant now) {
        Capture capture = attempt.capture();
        if (capture != null && capture.status() == CaptureStatus.REQUESTED
                && attempt.authorization().allowsCaptureAt(now)) {
            Result<PaymentAttempt> resent = capturePayment.capture(
                    new CapturePayment.Command(attempt.id(), null, AuditSource.WORKER));
            return resent.isAccepted() || !(resent.rejection() instanceof AntomBusy);
        }
        var synced = syncPayment.inquire(attempt.id());
        return !synced.isAccepted() || synced.value().inquiry() != Inquiry.NOT_SENT;
    }
}
