package org.payengine.simulator.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's notion of now: real time multiplied by a scale factor, plus every jump made by
 * {@link #advanceTo(Instant)}. Expiry, capture windows and the notification retry schedule all
 * read this clock, so tests can move days ahead without sleeping.
 */
public final class SimulatedClock {

    private final double scale;
    private final long realStartNanos;
    private final Instant simulatedStart;
    private volatile long jumpedNanos;

    public SimulatedClock(double scale, Instant start) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be a positive finite number, was " + scale);
        }
        this.scale = scale;
        this.realStartNanos = System.nanoTime();
        this.simulatedStart = start;
    }

    public Instant now() {
        long elapsed = System.nanoTime() - realStartNanos;
        return simulatedStart.plusNanos((long) (elapsed * scale) + jumpedNanos);
    }

    public double scale() {
        return scale;
    }

    /** Jumps forward so that now is at least {@code target}; never moves backwards. */
    public synchronized void advanceTo(Instant target) {
        Duration ahead = Duration.between(now(), target);
        if (!ahead.isNegative()) {
            jumpedNanos += ahead.toNanos();
        }
    }

    /** How much real time passes until the simulated clock reaches {@code target}. */
    public Duration realTimeUntil(Instant target) {
        Duration simulated = Duration.between(now(), target);
        if (simulated.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (simulated.toNanos() / scale));
    }
}
