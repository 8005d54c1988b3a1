package org.payengine.domain.order;

import java.time.Instant;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;

/**
 * Cancelled at Antom: before the payment succeeded, or an authorization voided (a captured duplicate too). Terminal.
 *
 * @param paymentId     Antom's payment id, {@code null} when never given
 * @param authorization the authorization that was voided; {@code null} when the payment never succeeded
 * @param capture       the capture the attempt had: failed (a cancel overtook it), or succeeded (a duplicate undone
 *                      by a cancel); never one still awaiting Antom's answer, which would wait for good
 */
public record Cancelled(PaymentId paymentId, Authorization authorization, Capture.Settled capture)
        implements AttemptState {

    public Cancelled {
        if (capture != null && authorization == null) {
            throw new IllegalArgumentException("a cancelled attempt cannot have a capture without an authorization");
        }
        if (authorization != null && paymentId == null) {
            throw new IllegalArgumentException("a voided authorization has Antom's payment id");
        }
    }

    @Override
    public AttemptStatus status() {
        return AttemptStatus.CANCELLED;
    }

    /** A voided authorization keeps what the news adds; a success after a cancel before success is a contradiction. */
    @Override
    public Move succeeded(PaymentAttempt attempt, PaymentSucceeded fact, Instant now) {
        if (authorization == null) {
            return Move.contradiction("SUCCESS_AFTER_CANCELLATION", true);
        }
        return Move.to(withAuthorization(authorization.withAuthExpiry(attempt.captureMode(), fact.authExpiresAt())));
    }

    @Override
    public Move failed(PaymentFailed fact) {
        return authorization != null
                ? Move.contradiction("FAILURE_AFTER_SUCCESS", true) : Move.stay("the attempt is already CANCELLED");
    }

    @Override
    public Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        return Move.stay("the attempt is already CANCELLED");
    }

    @Override
    public Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        return Move.contradiction("CAPTURE_AFTER_CANCELLED", true);
    }

    @Override
    public Cancelled withAuthorization(Authorization changed) {
        if (authorization == null) {
            throw new IllegalStateException("an attempt cancelled before its payment succeeded has no authorization");
        }
        return new Cancelled(paymentId, changed, capture);
    }
}
