package org.payengine.application.usecase;

import java.util.Objects;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.FactOutcome;

/**
 * What applying one fact did.
 *
 * @param order the order the fact was applied to, {@code null} when no order knows the payment it is about
 */
public record AppliedFact(Fact fact, ReferenceOrderId order, FactOutcome outcome) {

    public AppliedFact {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The fact could not be applied now and should be tried again later: no order or attempt matched, or it came too early. */
    public boolean isWaiting() {
        return outcome.kind() == FactOutcome.Kind.NOT_FOUND || outcome.kind() == FactOutcome.Kind.PREMATURE;
    }
}
