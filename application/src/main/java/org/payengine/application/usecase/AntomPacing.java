package org.payengine.application.usecase;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast this node may call Antom: its own share of the merchant's rate limit, per API.
 *
 * <p>Several nodes share one Antom account, so each node is given its share ({@code callsPerSecond} is the account's
 * limit divided by the nodes) instead of the nodes agreeing on a budget in the database: no shared state to write
 * on every call, and a node that dies frees its share at once. Antom's {@code REQUEST_TRAFFIC_EXCEED_LIMIT} (or HTTP
 * 429) still tells every node when the sum is too much; each then backs off by itself.
 *
 * @param callsPerSecond calls per second per API on this node; bursts of up to one second's calls are let through
 * @param merchantWait   how long a merchant's request may wait for its call's turn before it is answered
 *                       {@code ANTOM_BUSY}; background work never waits (it looks again later)
 * @param backoff        the node's first pause after Antom asked it to slow down; each further request while paused
 *                       doubles it, with jitter, up to {@code maxBackoff}
 * @param maxBackoff     the longest pause
 */
public record AntomPacing(int callsPerSecond, Duration merchantWait, Duration backoff, Duration maxBackoff) {

    /** Well under what an acquirer grants one merchant (Antom does not publish its limits; see the README). */
    public static final AntomPacing DEFAULT = new AntomPacing(20, Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    /** No pacing to speak of: for tests of one use case, and a gateway that is not Antom. */
    public static final AntomPacing UNLIMITED = new AntomPacing(1_000_000, Duration.ZERO, Duration.ofMillis(1),
            Duration.ofMillis(1));

    public AntomPacing {
        if (callsPerSecond < 1) {
            throw new IllegalArgumentException("callsPerSecond must be at least 1, was " + callsPerSecond);
        }
        Objects.requireNonNull(merchantWait, "merchantWait");
        if (merchantWait.isNegative()) {
            throw new IllegalArgumentException("merchantWait must not be negative, was " + merchantWait);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (backoff.isNegative() || backoff.isZero() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and at most maxBackoff, was " + backoff
                    + " and " + maxBackoff);
        }
    }
}
