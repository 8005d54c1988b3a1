package org.payengine.domain.order;

import java.util.Objects;
import org.payengine.domain.id.PaymentRequestId;

/**
 * What applying one fact to an order did.
 *
 * @param attempt the attempt the fact was about, {@code null} when none of the order's attempts matched
 * @param detail  a few words on why, for logs and answers
 */
public record FactOutcome(Kind kind, PaymentRequestId attempt, String detail) {

    public enum Kind {
        /** The fact changed the attempt (a transition, or facts it did not know yet). */
        APPLIED,
        /** The attempt already knew this, or the fact is older news; nothing changed. */
        NO_CHANGE,
        /** The fact contradicts the attempt: not applied, recorded for review, event raised. */
        RECORDED_FOR_REVIEW,
        /** The same contradictory fact was recorded before; nothing changed. */
        ALREADY_RECORDED,
        /** The fact cannot be applied yet (a capture result before the payment result); nothing changed. */
        PREMATURE,
        /** None of the order's attempts is the one the fact is about; nothing changed. */
        NOT_FOUND
    }

    public FactOutcome {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the order changed and must be saved. */
    public boolean changedOrder() {
        return kind == Kind.APPLIED || kind == Kind.RECORDED_FOR_REVIEW;
    }

    static FactOutcome of(Kind kind, PaymentAttempt attempt, String detail) {
        return new FactOutcome(kind, attempt == null ? null : attempt.id(), detail);
    }
}
