package org.payengine.application.usecase;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, for retries that must neither hammer a failing party nor fall into step with
 * the retries of other nodes: the first retry after about {@code first}, each next one about twice as late, never
 * later than {@code max}; each wait is spread at random by up to {@code ± jitter} of itself.
 *
 * @param jitter the fraction a wait is spread by, from 0 (exact waits) to 1
 */
public record Backoff(Duration first, Duration max, double jitter) {

    public Backoff {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first must be positive, was " + first);
        }
        if (max == null || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max must not be shorter than first (" + first + "), was " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** The wait after the {@code tries}-th try in a row failed (1 for the first), before jitter. */
    public Duration after(int tries) {
        long millis = first.toMillis();
        for (int doubling = 1; doubling < tries && millis < max.toMillis(); doubling++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** {@link #after(int)}, spread by the jitter. */
    public Duration after(int tries, RandomGenerator random) {
        return spread(after(tries), jitter, random);
    }

    /** {@code wait} spread at random by up to {@code ± fraction} of itself. */
    public static Duration spread(Duration wait, double fraction, RandomGenerator random) {
        if (fraction == 0 || wait.isZero()) {
            return wait;
        }
        double factor = 1 + fraction * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
    }
}
