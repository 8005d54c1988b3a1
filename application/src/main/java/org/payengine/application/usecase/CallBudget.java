package org.payengine.application.usecase;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.payengine.application.port.Clock;

/**
 * The node's manners towards Antom: a budget of calls per API, shared by the merchant's requests and the background
 * work, and a pause for the whole node when Antom says it is called too often.
 *
 * <p>Each API has a token bucket holding up to one second's calls ({@link AntomPacing#callsPerSecond}), refilled on
 * the engine's clock. A merchant's call waits up to {@link AntomPacing#merchantWait} for a token; background work
 * never waits and leaves the last quarter of the bucket to the merchant's calls, so a backlog of follow-ups cannot
 * crowd out a buyer's payment. While the node is paused, only merchant calls that find a token after the pause go
 * through. Nothing here fails a payment: a call not admitted is not sent, so nothing happened at Antom.
 *
 * <p>Thread-safe.
 */
@Singleton
public final class CallBudget {

    /** The share of each bucket background work leaves to the merchant's calls. */
    static final double MERCHANT_RESERVE = 0.25;
    private static final Duration POLL = Duration.ofMillis(10);

    private final AntomPacing pacing;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<AntomApi, Bucket> buckets = new EnumMap<>(AntomApi.class);
    private final AtomicLong slowDowns = new AtomicLong();
    private final Map<AntomApi, LongAdder> admitted = new EnumMap<>(AntomApi.class);
    private final Map<AntomApi, LongAdder> notAdmitted = new EnumMap<>(AntomApi.class);
    private Instant pausedUntil = Instant.MIN;
    private Duration nextPause;

    @Inject
    public CallBudget(AntomPacing pacing, Clock clock) {
        this(pacing, clock, RandomGenerator.getDefault());
    }

    public CallBudget(AntomPacing pacing, Clock clock, RandomGenerator random) {
        this.pacing = pacing;
        this.clock = clock;
        this.random = random;
        this.nextPause = pacing.backoff();
        for (AntomApi api : AntomApi.values()) {
            buckets.put(api, new Bucket(pacing.callsPerSecond()));
            admitted.put(api, new LongAdder());
            notAdmitted.put(api, new LongAdder());
        }
    }

    /** A budget that admits every call: for tests of one use case that are not about pacing. */
    public static CallBudget unlimited(Clock clock) {
        return new CallBudget(AntomPacing.UNLIMITED, clock);
    }

    /**
     * Admits one call of the merchant's (a request waiting for its answer), waiting for its turn up to the pacing's
     * merchant wait, in real time.
     *
     * @return false when the call may not be sent now: answer {@code ANTOM_BUSY} and send nothing
     */
    public boolean admitMerchantCall(AntomApi api) {
        long deadline = System.nanoTime() + pacing.merchantWait().toNanos();
        while (true) {
            if (take(api, 0)) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                notAdmitted.get(api).increment();
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                notAdmitted.get(api).increment();
                return false;
            }
        }
    }

    /**
     * Admits one call of background work, at once or not at all; the work looks again later, without counting
     * this as one of its looks.
     */
    public boolean admitBackgroundCall(AntomApi api) {
        boolean taken = take(api, MERCHANT_RESERVE * pacing.callsPerSecond());
        if (!taken) {
            notAdmitted.get(api).increment();
        }
        return taken;
    }

    /**
     * Antom asked this engine to slow down: pauses the node, for longer each time it is asked again within a pause.
     */
    public synchronized void slowDown() {
        Instant now = clock.now();
        boolean stillPaused = now.isBefore(pausedUntil);
        Duration pause = stillPaused ? nextPause : pacing.backoff();
        long jitteredMillis = Math.max(1, (long) (pause.toMillis() * (0.5 + random.nextDouble() * 0.5)));
        pausedUntil = now.plusMillis(jitteredMillis);
        Duration doubled = pause.multipliedBy(2);
        nextPause = doubled.compareTo(pacing.maxBackoff()) > 0 ? pacing.maxBackoff() : doubled;
        slowDowns.incrementAndGet();
    }

    /** How many times Antom asked this node to slow down: a look that saw the count move may not count itself. */
    public long slowDowns() {
        return slowDowns.get();
    }

    /** How many calls of {@code api} this node was let make (the calls it sent to Antom). */
    public long admitted(AntomApi api) {
        return admitted.get(api).sum();
    }

    /** How many calls of {@code api} were not let through (answered {@code ANTOM_BUSY}, or a look put off). */
    public long notAdmitted(AntomApi api) {
        return notAdmitted.get(api).sum();
    }

    /** The answer to a call not admitted: nothing was sent or written; try again when the budget allows. */
    public UseCaseRejection.AntomBusy busy(AntomApi api) {
        return new UseCaseRejection.AntomBusy(api, Math.max(1, Duration.between(clock.now(), retryAt()).toSeconds()));
    }

    /** When background work should try again after a call was not admitted. */
    public synchronized Instant retryAt() {
        Instant now = clock.now();
        Instant soon = now.plusSeconds(1);
        return pausedUntil.isAfter(soon) ? pausedUntil : soon;
    }

    private synchronized boolean take(AntomApi api, double leave) {
        Instant now = clock.now();
        if (now.isBefore(pausedUntil)) {
            return false;
        }
        boolean taken = buckets.get(api).take(now, leave);
        if (taken) {
            admitted.get(api).increment();
        }
        return taken;
    }

    /** Up to one second's calls, refilled continuously; guarded by the budget's lock. */
    private static final class Bucket {
        private final int perSecond;
        private double tokens;
        private Instant refilledAt;

        Bucket(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        boolean take(Instant now, double leave) {
            if (refilledAt != null && now.isAfter(refilledAt)) {
                double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                tokens = Math.min(perSecond, tokens + seconds * perSecond);
            }
            refilledAt = refilledAt == null || now.isAfter(refilledAt) ? now : refilledAt;
            if (tokens - 1 < leave) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
