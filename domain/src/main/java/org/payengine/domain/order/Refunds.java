package org.payengine.domain.order;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.payengine.domain.Result;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.RefundAmountNotPositive;
import org.payengine.domain.order.OrderRejection.RefundCurrencyMismatch;
import org.payengine.domain.order.OrderRejection.RefundExceedsCaptured;

/** The arithmetic of an attempt's refunds of its captured funds, shared by {@link Captured} and {@link Refunded}. */
final class Refunds {

    private static final Predicate<Refund> SUCCEEDED = refund -> refund.status() == RefundStatus.SUCCEEDED;
    /** Refunded, or possibly being refunded. */
    private static final Predicate<Refund> NOT_FAILED = refund -> refund.status() != RefundStatus.FAILED;

    private Refunds() {
    }

    /** An unmodifiable copy, checked: one refund per refund request id, and no more refunded than captured. */
    static List<Refund> checked(List<Refund> refunds, Capture capture) {
        List<Refund> copy = refunds == null ? List.of() : List.copyOf(refunds);
        if (copy.stream().map(Refund::requestId).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("two refunds have one refund request id");
        }
        if (capture.amount().compareTo(total(copy, NOT_FAILED, capture)) < 0) {
            throw new IllegalArgumentException("refunds beyond the captured amount");
        }
        return copy;
    }

    /** What Antom has refunded: the sum of the succeeded refunds. */
    static Money refunded(List<Refund> refunds, Capture capture) {
        return total(refunds, SUCCEEDED, capture);
    }

    /**
     * What may still be refunded: the captured amount less every refund that is not failed. A refund whose result is
     * not known yet counts as refunded, so that two refunds awaiting Antom can never add up to more than was captured.
     */
    static Money refundable(List<Refund> refunds, Capture capture) {
        return capture.amount().minus(total(refunds, NOT_FAILED, capture));
    }

    /** The refunds with {@code refund} added, or in place of the one with its refund request id. */
    static List<Refund> replaced(List<Refund> refunds, Refund refund) {
        List<Refund> next = new ArrayList<>(refunds);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).requestId().equals(refund.requestId())) {
                next.set(i, refund);
                return next;
            }
        }
        next.add(refund);
        return next;
    }

    /** Whether a merchant may refund {@code amount} of the captured funds: same currency, positive, within what is left. */
    static Result<Money> check(PaymentAttempt attempt, Capture capture, Money refundable, Money amount) {
        Money captured = capture.amount();
        if (!amount.sameCurrencyAs(captured)) {
            return Result.refused(new RefundCurrencyMismatch(attempt.id(), captured, amount));
        }
        if (!amount.isPositive()) {
            return Result.refused(new RefundAmountNotPositive(attempt.id(), amount));
        }
        if (amount.compareTo(refundable) > 0) {
            return Result.refused(new RefundExceedsCaptured(attempt.id(), captured, refundable, amount));
        }
        return Result.accepted(amount);
    }

    private static Money total(List<Refund> refunds, Predicate<Refund> which, Capture capture) {
        Money total = Money.zero(capture.amount().currency());
        for (Refund refund : refunds) {
            if (which.test(refund)) {
                total = total.plus(refund.amount());
            }
        }
        return total;
    }
}
