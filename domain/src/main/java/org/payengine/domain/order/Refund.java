package org.payengine.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.Text;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Captured funds given back to the buyer, in full or in part: a refund the merchant asked for, or the full refund
 * that undoes a captured duplicate when Antom refuses to cancel it. Its state moves {@code REQUESTED} (written before
 * Antom is called) → {@code PROCESSING} → {@code SUCCEEDED} | {@code FAILED}, and never back.
 *
 * @param requestId  generated once and reused on every retry (Antom's idempotency key)
 * @param refundId   Antom's refund id, once known
 * @param reason     why: the merchant's words, or for a duplicate Antom's answer to the cancel ({@code CANCEL_WINDOW_EXCEED})
 * @param refundedAt when Antom refunded, once it did
 * @param failure    Antom's reason when the refund failed
 */
public record Refund(RefundRequestId requestId, RefundId refundId, Money amount, RefundStatus status, String reason,
                     Instant requestedAt, Instant refundedAt, Failure failure) {

    public Refund {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        reason = Text.tidied(reason, 256);
        if (status == RefundStatus.SUCCEEDED && refundId == null) {
            throw new IllegalArgumentException("a succeeded refund has Antom's refund id");
        }
        if (status == RefundStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed refund has Antom's reason");
        }
    }

    static Refund requested(RefundRequestId requestId, Money amount, String reason, Instant now) {
        return new Refund(requestId, null, amount, RefundStatus.REQUESTED, reason, now, null, null);
    }

    /**
     * What this refund says to a fact about it, before the attempt's state is asked: a success of another amount, a
     * second refund id or a success after a failure are contradictions; an answer known already is no news. Empty
     * when the refund has nothing against the fact.
     */
    Optional<Move> judge(RefundFact fact) {
        if (fact instanceof RefundSucceeded succeeded) {
            if (!succeeded.amount().equals(amount)) {
                return Optional.of(Move.contradiction("AMOUNT_MISMATCH", true));
            }
            if (status == RefundStatus.SUCCEEDED) {
                return Optional.of(refundId.equals(succeeded.refundId())
                        ? Move.stay("refund already known") : Move.contradiction("SECOND_REFUND", true));
            }
            return status == RefundStatus.FAILED
                    ? Optional.of(Move.contradiction("REFUND_AFTER_FAILURE", true)) : Optional.empty();
        }
        if (fact instanceof RefundFailed) {
            if (status == RefundStatus.SUCCEEDED) {
                return Optional.of(Move.contradiction("REFUND_FAILED_AFTER_SUCCESS", false));
            }
            return status == RefundStatus.FAILED
                    ? Optional.of(Move.stay("refund failure already known")) : Optional.empty();
        }
        return status != RefundStatus.REQUESTED
                ? Optional.of(Move.stay("older news: the refund is " + status)) : Optional.empty();
    }

    Refund processing(RefundId id) {
        return new Refund(requestId, id != null ? id : refundId, amount, RefundStatus.PROCESSING, reason, requestedAt,
                null, null);
    }

    Refund succeeded(RefundId id, Instant at) {
        return new Refund(requestId, id, amount, RefundStatus.SUCCEEDED, reason, requestedAt, at, null);
    }

    Refund failed(ResultCode code, String message) {
        return new Refund(requestId, refundId, amount, RefundStatus.FAILED, reason, requestedAt, null,
                new Failure(code, message));
    }
}
