package org.payengine.domain.order;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.fact.FactSource;

/**
 * A fact that was not applied because it contradicts what the attempt already knows, kept for a person
 * to look at. Recorded once per distinct fact ({@code fact} is the fact's canonical description).
 *
 * @param reason      a stable code, e.g. {@code FAILURE_AFTER_SUCCESS}
 * @param moneyAtRisk true when a buyer may have paid without the order counting it, or the reverse
 */
public record Review(String fact, FactSource source, Instant recordedAt, String reason, boolean moneyAtRisk) {

    public Review {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
