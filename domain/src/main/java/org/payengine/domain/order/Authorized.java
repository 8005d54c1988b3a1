package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.Result;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.CaptureAmountMismatch;
import org.payengine.domain.order.OrderRejection.CaptureInProgress;
import org.payengine.domain.order.OrderRejection.CaptureIsAutomatic;
import org.payengine.domain.order.OrderRejection.CaptureWindowExpired;
import org.payengine.domain.order.OrderRejection.DuplicateNotCapturable;

/**
 * The funds are authorized and the capture is outstanding: Antom captures by itself (automatic capture) or the
 * merchant captures inside the window (manual capture).
 *
 * @param capture the capture, while it is requested, processing or failed; {@code null} before there is one (a
 *                succeeded capture makes the attempt {@link Captured}, so this one is never succeeded)
 */
public record Authorized(PaymentId paymentId, Authorization authorization, Capture.Open capture)
        implements AfterSuccess {

    /** Antom's result code for a capture of a payment it cancelled; a capture overtaken by a cancel fails with it. */
    static final String CAPTURE_OF_CANCELLED_PAYMENT = "ORDER_IS_CANCELED";

    public Authorized {
        Objects.requireNonNull(paymentId, "an authorized attempt has Antom's payment id");
        Objects.requireNonNull(authorization, "an authorized attempt has its authorization");
    }

    @Override
    public AttemptStatus status() {
        return AttemptStatus.AUTHORIZED;
    }

    /**
     * Antom released the authorization. When it cancelled the payment before answering its capture, the capture did
     * not happen and never will (Antom refuses to cancel a payment it captured or is capturing): it fails with
     * Antom's code for a capture of a cancelled payment, and nothing is left waiting for an answer that cannot come.
     */
    @Override
    public Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        if (capture instanceof Capture.Unresolved unresolved) {
            return Move.to(new Cancelled(paymentId, authorization, unresolved.failed(
                    ResultCode.of(CAPTURE_OF_CANCELLED_PAYMENT),
                    "Antom cancelled the payment before capturing it; the funds were released, not captured")));
        }
        return Move.to(new Cancelled(paymentId, authorization, (Capture.Failed) capture));
    }

    @Override
    public Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        Instant capturedAt = fact.capturedAt() != null ? fact.capturedAt() : now;
        Capture.Open base = capture != null ? capture
                : Capture.reportedBy(fact.captureRequestId(), attempt.amount(), now);
        return Move.to(new Captured(paymentId, authorization,
                base.succeeded(fact.captureRequestId(), fact.captureId(), capturedAt), List.of()));
    }

    @Override
    public Move captureFailed(PaymentAttempt attempt, CaptureFailed fact, Instant now) {
        if (capture instanceof Capture.Unresolved unresolved) {
            return Move.to(withCapture(unresolved.failed(fact.code(), fact.message())));
        }
        if (capture == null) {
            return Move.to(withCapture(Capture.reportedBy(fact.captureRequestId(), attempt.amount(), now)
                    .failed(fact.code(), fact.message())));
        }
        return AfterSuccess.super.captureFailed(attempt, fact, now);
    }

    @Override
    public Move captureProcessing(PaymentAttempt attempt, CaptureProcessing fact, Instant now) {
        if (capture == null) {
            return Move.to(withCapture(Capture.reportedBy(fact.captureRequestId(), attempt.amount(), now)));
        }
        if (capture instanceof Capture.Requested requested) {
            return Move.to(withCapture(requested.processing()));
        }
        return AfterSuccess.super.captureProcessing(attempt, fact, now);
    }

    /**
     * Idempotent: while a capture is unresolved the same capture stays (to be sent again under its capture request
     * id); a failed capture is requested again, under the same id, while the window is open.
     */
    @Override
    public Result<Authorized> requestCapture(PaymentAttempt attempt, Money requested, CaptureRequestId newRequestId,
                                             Instant now) {
        if (attempt.duplicate()) {
            return Result.refused(new DuplicateNotCapturable(attempt.id()));
        }
        if (attempt.captureMode() != CaptureMode.MANUAL) {
            return Result.refused(new CaptureIsAutomatic(attempt.id()));
        }
        if (!requested.equals(attempt.amount())) {
            return Result.refused(new CaptureAmountMismatch(attempt.id(), attempt.amount(), requested));
        }
        if (capture instanceof Capture.Unresolved) {
            return Result.accepted(this);
        }
        if (!authorization.allowsCaptureAt(now)) {
            return Result.refused(new CaptureWindowExpired(attempt.id(), authorization.captureDeadline(), now));
        }
        return Result.accepted(withCapture(capture instanceof Capture.Failed failed
                ? failed.retried(newRequestId) : Capture.requested(newRequestId, attempt.amount(), now)));
    }

    /** While a capture is on its way the cancel waits for its answer, so that a capture and a cancel are ordered. */
    @Override
    public Result<AttemptState> cancellable(PaymentAttempt attempt) {
        if (capture instanceof Capture.Unresolved) {
            return Result.refused(new CaptureInProgress(attempt.id(), capture));
        }
        return Result.accepted(this);
    }

    @Override
    public Authorized withAuthorization(Authorization changed) {
        return new Authorized(paymentId, changed, capture);
    }

    private Authorized withCapture(Capture.Open changed) {
        return new Authorized(paymentId, authorization, changed);
    }
}
