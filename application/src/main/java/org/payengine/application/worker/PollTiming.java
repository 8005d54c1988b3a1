package org.payengine.application.worker;

import java.time.Instant;
import java.util.random.RandomGenerator;
import org.payengine.application.usecase.Backoff;

/** The poll schedule as the pollers use it: each wait spread by the jitter, so polls of many payments do not bunch. */
final class PollTiming {

    private final PollSchedule schedule;
    private final double jitter;
    private final RandomGenerator random;

    PollTiming(WorkerSettings settings, RandomGenerator random) {
        this.schedule = settings.poll();
        this.jitter = settings.jitter();
        this.random = random;
    }

    PollSchedule schedule() {
        return schedule;
    }

    /** The next poll of a result awaited since {@code since}. */
    Instant next(Instant since, Instant now) {
        return schedule.nextCheck(since, now, jitter, random);
    }

    /** The slowest poll, for results overdue or no longer awaited. */
    Instant slow(Instant now) {
        return now.plus(Backoff.spread(schedule.maxInterval(), jitter, random));
    }
}
