package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.Result;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * The captured funds were refunded in full (by the merchant, or to undo a duplicate). Terminal: every refund is
 * answered, and nothing is left to refund.
 *
 * @param refunds the refunds, oldest first; the succeeded ones add up to the captured amount
 */
public record Refunded(PaymentId paymentId, Authorization authorization, Capture.Succeeded capture, List<Refund> refunds)
        implements AfterSuccess {

    public Refunded {
        Objects.requireNonNull(paymentId, "a refunded attempt has Antom's payment id");
        Objects.requireNonNull(authorization, "a refunded attempt has its authorization");
        Objects.requireNonNull(capture, "a refunded attempt has its succeeded capture");
        refunds = Refunds.checked(refunds, capture);
        if (!Refunds.refunded(refunds, capture).equals(capture.amount())) {
            throw new IllegalArgumentException("a refunded attempt needs succeeded refunds of the whole captured amount");
        }
    }

    @Override
    public AttemptStatus status() {
        return AttemptStatus.REFUNDED;
    }

    @Override
    public Move cancelled(PaymentAttempt attempt, PaymentCancelled fact) {
        return Move.contradiction("CANCELLED_AFTER_CAPTURE", true);
    }

    @Override
    public Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now) {
        return Move.stay("capture already known");
    }

    /** Checked by amount and currency like any refund, then refused: nothing is left to refund. */
    @Override
    public Result<AttemptState> requestRefund(PaymentAttempt attempt, Money amount, String reason,
                                              RefundRequestId newRequestId, Instant now) {
        return Refunds.check(attempt, capture, Money.zero(capture.amount().currency()), amount).map(never -> this);
    }

    @Override
    public Refunded withAuthorization(Authorization changed) {
        return new Refunded(paymentId, changed, capture, refunds);
    }
}
