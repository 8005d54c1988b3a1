package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.Result;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;

/**
 * The funds are captured: final for the buyer's payment. Refunds give them back, in part or in full, several while
 * their sum stays within the captured amount; once Antom refunded all of it the attempt is {@link Refunded}.
 *
 * @param capture the succeeded capture
 * @param refunds the refunds, oldest first; those not failed add up to no more than the captured amount, and the
 *                succeeded ones to less than all of it
 */
public record Captured(PaymentId paymentId, Authorization authorization, Capture.Succeeded capture, List<Refund> refunds)
        implements AfterSuccess {

    public Captured {
        Objects.requireNonNull(paymentId, "a captured attempt has Antom's payment id");
        Objects.requireNonNull(authorization, "a captured attempt has its authorization");
        Objects.requireNonNull(capture, "a captured attempt has its succeeded capture");
        refunds = Refunds.checked(refunds, capture);
        if (Refunds.refunded(refunds, capture).equals(capture.amount())) {
            throw new IllegalArgumentException("an attempt refunded in full is refunded, not captured");
        }
    }

    @Override
    public AttemptStatus status() {
        return AttemptStatus.CAPTURED;
    }

    /** Only a captured duplicate is cancelled (to undo it, before any refund); Antom never cancels another capture. */
    @Override
    public Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        if (attempt.duplicate() && refunds.isEmpty()) {
            return Move.to(new Cancelled(paymentId, authorization, capture));
        }
        return Move.contradiction("CANCELLED_AFTER_CAPTURE", true);
    }

    @Override
    public Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        return Move.stay("capture already known");
    }

    /** The refund succeeded; the one that completes the captured amount makes the attempt {@link Refunded}. */
    @Override
    public Move refundSucceeded(Refund.Unresolved refund, RefundSucceeded fact, Instant now) {
        List<Refund> after = Refunds.replaced(refunds,
                refund.succeeded(fact.refundId(), fact.refundedAt() != null ? fact.refundedAt() : now));
        if (Refunds.refunded(after, capture).equals(capture.amount())) {
            return Move.to(new Refunded(paymentId, authorization, capture, after));
        }
        return Move.to(new Captured(paymentId, authorization, capture, after));
    }

    @Override
    public Move refundFailed(Refund.Unresolved refund, RefundFailed fact) {
        return Move.to(withRefund(refund.failed(fact.code(), fact.message())));
    }

    @Override
    public Move refundProcessing(Refund.Unresolved refund, RefundProcessing fact) {
        return Move.to(withRefund(refund.processing(fact.refundId())));
    }

    /** Captured funds are refunded, not cancelled, unless they are a duplicate being undone. */
    @Override
    public Result<AttemptState> cancellable(PaymentAttempt attempt) {
        return attempt.duplicate() ? Result.accepted(this) : Result.refused(new AlreadyCaptured(attempt.id(), capture));
    }

    @Override
    public Result<AttemptState> requestRefund(PaymentAttempt attempt, Money amount, String reason,
                                              RefundRequestId newRequestId, Instant now) {
        return Refunds.check(attempt, capture, Refunds.refundable(refunds, capture), amount)
                .map(accepted -> withRefund(Refund.requested(newRequestId, amount, reason, now)));
    }

    /** The full captured amount, once: the refund that undoes a duplicate Antom would not cancel. */
    @Override
    public Result<AttemptState> refundDuplicate(PaymentAttempt attempt, RefundRequestId newRequestId, String reason,
                                                Instant now) {
        return Result.accepted(withRefund(Refund.requested(newRequestId, capture.amount(), reason, now)));
    }

    @Override
    public Captured withAuthorization(Authorization changed) {
        return new Captured(paymentId, changed, capture, refunds);
    }

    private Captured withRefund(Refund refund) {
        return new Captured(paymentId, authorization, capture, Refunds.replaced(refunds, refund));
    }
}
