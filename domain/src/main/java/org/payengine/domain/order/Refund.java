package org.payengine.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.Text;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Captured funds given back to the buyer, in full or in part: a refund the merchant asked for, or the full refund
 * that undoes a captured duplicate when Antom refuses to cancel it. One record per state, each holding exactly its
 * facts: {@link Requested} (written before Antom is called) → {@link Processing} → {@link Succeeded} | {@link Failed},
 * and never back; the transitions exist only on the {@link Unresolved} states.
 *
 * <p>Every state has: the refund request id (generated once and reused on every retry: Antom's idempotency key), the
 * amount, the reason (the merchant's words, or for a duplicate Antom's answer to the cancel, such as
 * {@code CANCEL_WINDOW_EXCEED}) and when it was requested.
 */
public sealed interface Refund permits Refund.Unresolved, Refund.Succeeded, Refund.Failed {

    /** The longest reason kept. */
    int MAX_REASON_LENGTH = 256;

    RefundRequestId requestId();

    /** Antom's refund id, once known. */
    RefundId refundId();

    Money amount();

    String reason();

    Instant requestedAt();

    RefundStatus status();

    /** When Antom refunded; only a {@link Succeeded} refund has it. */
    default Instant refundedAt() {
        return null;
    }

    /** Antom's reason; only a {@link Failed} refund has it. */
    default Failure failure() {
        return null;
    }

    /** A refund as a store saved it, its state rebuilt from the parts a store keeps in columns. */
    static Refund restore(RefundRequestId requestId, RefundId refundId, Money amount, RefundStatus status,
                          String reason, Instant requestedAt, Instant refundedAt, Failure failure) {
        if (status != RefundStatus.SUCCEEDED && refundedAt != null || status != RefundStatus.FAILED && failure != null) {
            throw new IllegalArgumentException("a " + status + " refund has no refund time or failure");
        }
        return switch (status) {
            case REQUESTED -> {
                if (refundId != null) {
                    throw new IllegalArgumentException("a requested refund has no refund id of Antom's yet");
                }
                yield new Requested(requestId, amount, reason, requestedAt);
            }
            case PROCESSING -> new Processing(requestId, refundId, amount, reason, requestedAt);
            case SUCCEEDED -> new Succeeded(requestId, refundId, amount, reason, requestedAt, refundedAt);
            case FAILED -> new Failed(requestId, refundId, amount, reason, requestedAt, failure);
        };
    }

    /** A refund written before Antom's refund API is called. */
    static Requested requested(RefundRequestId requestId, Money amount, String reason, Instant now) {
        return new Requested(requestId, amount, reason, now);
    }

    /**
     * What this refund says to a fact about it, before the attempt's state is asked: a success of another amount, a
     * second refund id or a success after a failure are contradictions; an answer known already is no news. Empty
     * when the refund has nothing against the fact.
     */
    default Optional<Move> judge(RefundFact fact) {
        if (fact instanceof RefundSucceeded succeeded) {
            if (!succeeded.amount().equals(amount())) {
                return Optional.of(Move.contradiction("AMOUNT_MISMATCH", true));
            }
            if (this instanceof Succeeded) {
                return Optional.of(refundId().equals(succeeded.refundId())
                        ? Move.stay("refund already known") : Move.contradiction("SECOND_REFUND", true));
            }
            return this instanceof Failed
                    ? Optional.of(Move.contradiction("REFUND_AFTER_FAILURE", true)) : Optional.empty();
        }
        if (fact instanceof RefundFailed) {
            if (this instanceof Succeeded) {
                return Optional.of(Move.contradiction("REFUND_FAILED_AFTER_SUCCESS", false));
            }
            return this instanceof Failed
                    ? Optional.of(Move.stay("refund failure already known")) : Optional.empty();
        }
        return this instanceof Requested ? Optional.empty() : Optional.of(Move.stay("older news: the refund is " + status()));
    }

    private static String common(RefundRequestId requestId, Money amount, String reason, Instant requestedAt) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(requestedAt, "requestedAt");
        return Text.tidied(reason, MAX_REASON_LENGTH);
    }

    /** A refund whose answer is awaited: requested, or processing at Antom. */
    sealed interface Unresolved extends Refund permits Requested, Processing {

        /** Antom took the refund and will notify its result; keeps a refund id known already. */
        default Processing processing(RefundId id) {
            return new Processing(requestId(), id != null ? id : refundId(), amount(), reason(), requestedAt());
        }

        default Succeeded succeeded(RefundId id, Instant at) {
            return new Succeeded(requestId(), id, amount(), reason(), requestedAt(), at);
        }

        default Failed failed(ResultCode code, String message) {
            return new Failed(requestId(), refundId(), amount(), reason(), requestedAt(), new Failure(code, message));
        }
    }

    /** Written before Antom's refund API is called. */
    record Requested(RefundRequestId requestId, Money amount, String reason, Instant requestedAt) implements Unresolved {

        public Requested {
            reason = common(requestId, amount, reason, requestedAt);
        }

        @Override
        public RefundId refundId() {
            return null;
        }

        @Override
        public RefundStatus status() {
            return RefundStatus.REQUESTED;
        }
    }

    /** Antom took the refund; its result is awaited. */
    record Processing(RefundRequestId requestId, RefundId refundId, Money amount, String reason, Instant requestedAt)
            implements Unresolved {

        public Processing {
            reason = common(requestId, amount, reason, requestedAt);
        }

        @Override
        public RefundStatus status() {
            return RefundStatus.PROCESSING;
        }
    }

    /** Antom refunded. Final. */
    record Succeeded(RefundRequestId requestId, RefundId refundId, Money amount, String reason, Instant requestedAt,
                     Instant refundedAt) implements Refund {

        public Succeeded {
            reason = common(requestId, amount, reason, requestedAt);
            Objects.requireNonNull(refundId, "a succeeded refund has Antom's refund id");
        }

        @Override
        public RefundStatus status() {
            return RefundStatus.SUCCEEDED;
        }
    }

    /** Antom refused the refund. Final. */
    record Failed(RefundRequestId requestId, RefundId refundId, Money amount, String reason, Instant requestedAt,
                  Failure failure) implements Refund {

        public Failed {
            reason = common(requestId, amount, reason, requestedAt);
            Objects.requireNonNull(failure, "a failed refund has Antom's reason");
        }

        @Override
        public RefundStatus status() {
            return RefundStatus.FAILED;
        }
    }
}
