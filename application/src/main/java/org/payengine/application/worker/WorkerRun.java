package org.payengine.application.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run of a worker did.
 *
 * @param worked  items worked (each with or without success)
 * @param lag     how long the most overdue item of the run had been due; zero when none was overdue
 * @param backlog due items the run left for the next one
 */
public record WorkerRun(int worked, Duration lag, long backlog) {

    public static final WorkerRun NOTHING_DUE = new WorkerRun(0, Duration.ZERO, 0);

    public WorkerRun {
        Objects.requireNonNull(lag, "lag");
        lag = lag.isNegative() ? Duration.ZERO : lag;
    }
}
