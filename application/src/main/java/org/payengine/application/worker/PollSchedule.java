package org.payengine.application.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.payengine.application.usecase.Backoff;

/**
 * When the poller asks Antom again about a result it awaits: every {@code fastInterval} (Antom advises 2 s) for
 * the first {@code fastPhase} after the result became due, then backing off — each wait is {@code backoff − 1}
 * times the time spent since the fast phase ended, so the waits grow by the factor {@code backoff} from one poll to
 * the next — never less than {@code fastInterval} and never more than {@code maxInterval}.
 *
 * @param fastInterval how often to ask while a result is expected soon
 * @param fastPhase    how long after the need arose results are expected soon
 * @param backoff      the factor the waits grow by after the fast phase (at least 1)
 * @param maxInterval  the longest wait between two polls
 * @param expiryGrace  how long past a payment's expiry Antom is given to close it by itself before the poller
 *                     cancels it (so the buyer can no longer pay) and settles it from the cancel's answer
 * @param callWindow   how long a pay or capture call of another thread may still be in flight: an attempt younger
 *                     than this is left to the call that writes its answer, and a capture left {@code REQUESTED} is
 *                     sent again only after this
 */
public record PollSchedule(Duration fastInterval, Duration fastPhase, double backoff, Duration maxInterval,
                           Duration expiryGrace, Duration callWindow) {

    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofSeconds(2), Duration.ofMinutes(2), 2.0,
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(1));

    public PollSchedule {
        WorkerSettings.requirePositive("fastInterval", fastInterval);
        WorkerSettings.requireNotNegative("fastPhase", fastPhase);
        if (!(backoff >= 1.0) || Double.isInfinite(backoff)) {
            throw new IllegalArgumentException("backoff must be a finite number of at least 1, was " + backoff);
        }
        WorkerSettings.requirePositive("maxInterval", maxInterval);
        if (maxInterval.compareTo(fastInterval) < 0) {
            throw new IllegalArgumentException("maxInterval (" + maxInterval + ") must not be shorter than fastInterval ("
                    + fastInterval + ")");
        }
        WorkerSettings.requireNotNegative("expiryGrace", expiryGrace);
        WorkerSettings.requireNotNegative("callWindow", callWindow);
    }

    /** The next poll of a result awaited since {@code since}, polled now. */
    public Instant nextCheck(Instant since, Instant now) {
        Objects.requireNonNull(since, "since");
        Duration age = Duration.between(since, now);
        if (age.compareTo(fastPhase) < 0) {
            return now.plus(fastInterval);
        }
        long pastFastPhaseMillis = age.minus(fastPhase).toMillis();
        long waitMillis = (long) Math.min((double) maxInterval.toMillis(), pastFastPhaseMillis * (backoff - 1.0));
        return now.plus(Duration.ofMillis(Math.max(waitMillis, fastInterval.toMillis())));
    }

    /** {@link #nextCheck(Instant, Instant)} with the wait spread at random by up to {@code ± jitter} of itself. */
    public Instant nextCheck(Instant since, Instant now, double jitter, RandomGenerator random) {
        return now.plus(Backoff.spread(Duration.between(now, nextCheck(since, now)), jitter, random));
    }

    /** The slowest poll: for results that are overdue (past expiry and grace), checked now. */
    public Instant slowCheck(Instant now) {
        return now.plus(maxInterval);
    }
}
