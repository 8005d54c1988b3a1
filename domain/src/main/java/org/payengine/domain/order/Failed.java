package org.payengine.domain.order;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;

/**
 * Antom definitely failed the payment. Terminal: only Antom's definite answer fails an attempt, and a success or a
 * capture reported afterwards contradicts it and goes to review.
 *
 * @param paymentId Antom's payment id, {@code null} when never given
 * @param failure   Antom's reason
 */
public record Failed(PaymentId paymentId, Failure failure) implements AttemptState {

    public Failed {
        Objects.requireNonNull(failure, "a failed attempt has Antom's reason");
    }

    @Override
    public AttemptStatus status() {
        return AttemptStatus.FAILED;
    }

    @Override
    public Move succeeded(PaymentAttempt attempt, PaymentSucceeded fact, Instant now) {
        return Move.contradiction("SUCCESS_AFTER_FAILURE", true);
    }

    @Override
    public Move failed(PaymentFailed fact) {
        return Move.stay("the attempt is already FAILED");
    }

    @Override
    public Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        return Move.stay("the attempt is already FAILED");
    }

    @Override
    public Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        return Move.contradiction("CAPTURE_AFTER_FAILED", true);
    }
}
