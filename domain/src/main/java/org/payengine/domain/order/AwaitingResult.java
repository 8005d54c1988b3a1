package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import org.payengine.domain.Result;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;

/**
 * The states in which Antom's payment result is still awaited: {@link Initiated}, {@link Pending} and
 * {@link OutcomeUnknown}. Any of Antom's definite answers settles them the same way; only the payment result (or a
 * capture, which proves it) moves them, and nothing the engine decides on its own does.
 */
public sealed interface AwaitingResult extends AttemptState permits Initiated, Pending, OutcomeUnknown {

    /** Pending: keeps what the news adds (a payment id learned late), never replaces what is known. */
    @Override
    default Move inProcess(PaymentInProcess fact) {
        return Move.to(new Pending(AttemptState.known(paymentId(), fact.paymentId())));
    }

    @Override
    default Move succeeded(PaymentAttempt attempt, PaymentSucceeded fact, Instant now) {
        Instant authorizedAt = fact.paidAt() != null ? fact.paidAt() : now;
        return Move.to(new Authorized(AttemptState.known(paymentId(), fact.paymentId()),
                Authorization.granted(attempt.captureMode(), authorizedAt, fact.authExpiresAt()), null));
    }

    @Override
    default Move failed(PaymentFailed fact) {
        return Move.to(new Failed(AttemptState.known(paymentId(), fact.paymentId()),
                new Failure(fact.code(), fact.message())));
    }

    @Override
    default Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        return Move.to(new Cancelled(AttemptState.known(paymentId(), fact.paymentId()), null, null));
    }

    /** A capture proves the authorization even when the payment result has not arrived yet. */
    @Override
    default Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        Instant capturedAt = fact.capturedAt() != null ? fact.capturedAt() : now;
        Capture.Succeeded capture = Capture.reportedBy(fact.captureRequestId(), attempt.amount(), now)
                .succeeded(fact.captureRequestId(), fact.captureId(), capturedAt);
        return Move.to(new Captured(AttemptState.known(paymentId(), fact.paymentId()),
                Authorization.granted(attempt.captureMode(), capturedAt, null), capture, List.of()));
    }

    /** Cancelling a payment that waits for the buyer: Antom's answer settles it either way. */
    @Override
    default Result<AttemptState> cancellable(PaymentAttempt attempt) {
        return Result.accepted(this);
    }

    @Override
    default Move captureFailed(PaymentAttempt attempt, CaptureFailed fact, Instant now) {
        return Move.premature();
    }

    @Override
    default Move captureProcessing(PaymentAttempt attempt, CaptureProcessing fact, Instant now) {
        return Move.premature();
    }
}
