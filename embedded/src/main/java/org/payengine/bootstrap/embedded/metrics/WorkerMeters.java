package org.payengine.bootstrap.embedded.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.payengine.application.port.WorkerProgress;

/**
 * What the background workers report after each run, as meters: how long the most overdue item of the last run had
 * been due ({@code payengine_worker_lag_seconds}), the due items it left ({@code payengine_worker_backlog}) and the
 * runs finished ({@code payengine_worker_runs_total}), each by worker.
 */
public final class WorkerMeters implements WorkerProgress {

    private final MeterRegistry registry;
    private final Map<String, LastRun> lastRuns = new ConcurrentHashMap<>();

    public WorkerMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void runFinished(String worker, Duration lag, int backlog) {
        if (worker == null || lag == null) {
            return;
        }
        LastRun last = lastRuns.computeIfAbsent(worker, this::register);
        last.lagSeconds = lag.toNanos() / 1_000_000_000.0;
        last.backlog = backlog;
        last.runs.increment();
    }

    /** The worker's meters, registered on its first report. */
    private LastRun register(String worker) {
        LastRun last = new LastRun(Counter.builder("payengine.worker.runs")
                .description("Runs the worker finished.")
                .tag("worker", worker)
                .register(registry));
        Gauge.builder("payengine.worker.lag", last, run -> run.lagSeconds)
                .description("How long the most overdue item of the worker's last run had been due.")
                .baseUnit("seconds")
                .tag("worker", worker)
                .strongReference(true)
                .register(registry);
        Gauge.builder("payengine.worker.backlog", last, run -> run.backlog)
                .description("Due items the worker's last run left for the next one.")
                .tag("worker", worker)
                .strongReference(true)
                .register(registry);
        return last;
    }

    private static final class LastRun {
        private final Counter runs;
        private volatile double lagSeconds;
        private volatile int backlog;

        LastRun(Counter runs) {
            this.runs = runs;
        }
    }
}
