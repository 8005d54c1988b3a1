package org.payengine.domain.order;

import java.util.Objects;

/**
 * What one fact from Antom does to an attempt in the state it is in: the answer of every transition method of an
 * {@link AttemptState}. The order turns it into its bookkeeping (audit, events, reviews).
 */
public sealed interface Move permits Move.To, Move.Stay, Move.Premature, Move.Contradiction {

    /** The attempt moves to {@code next}; a {@code next} equal to the state it left means the fact was known. */
    static Move to(AttemptState next) {
        return new To(next);
    }

    /** The fact is older news, or known already: nothing changes. */
    static Move stay(String why) {
        return new Stay(why);
    }

    /** The fact is about a step the attempt has not reached yet (a capture result before the payment result). */
    static Move premature() {
        return new Premature();
    }

    /**
     * The fact contradicts what the attempt knows: it is set aside for a person to look at, never applied.
     *
     * @param reason      a short code, e.g. {@code SUCCESS_AFTER_FAILURE}
     * @param moneyAtRisk whether the buyer may have been charged in a way the engine does not account for
     */
    static Move contradiction(String reason, boolean moneyAtRisk) {
        return new Contradiction(reason, moneyAtRisk);
    }

    record To(AttemptState next) implements Move {
        public To {
            Objects.requireNonNull(next, "next");
        }
    }

    record Stay(String why) implements Move {
        public Stay {
            Objects.requireNonNull(why, "why");
        }
    }

    record Premature() implements Move {
    }

    record Contradiction(String reason, boolean moneyAtRisk) implements Move {
        public Contradiction {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
