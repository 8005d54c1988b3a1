package org.payengine.application.usecase;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine asks Antom when the buyer comes back (to the result page, or the merchant asks for fresh data):
 * at once, then up to {@code following} more times {@code gap} apart while the payment is still processing, as
 * Antom's guide advises; a return within {@code gap} of the previous one is the same return, and an attempt's
 * returns ask Antom {@code maxReturns} times at most. Past that, the engine answers what it knows and waits for
 * Antom's notification.
 */
public record BuyerLooks(Duration gap, int following, int maxReturns) {

    public static final BuyerLooks DEFAULT = new BuyerLooks(Duration.ofSeconds(4), 2, 3);

    public BuyerLooks {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive, was " + gap);
        }
        if (following < 0 || maxReturns < 0) {
            throw new IllegalArgumentException("following and maxReturns must not be negative");
        }
    }

    /** The most inquiries the buyer's returns can make for one attempt. */
    public int mostInquiries() {
        return maxReturns * (1 + following);
    }
}
