package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.payengine.application.port.Clock;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.usecase.Backoff;

/**
 * Runs a node's workers: one scheduling thread per worker, each running its worker again and again — right away
 * while a run leaves a backlog it made progress on, else after the idle pause (spread by the jitter so the nodes of
 * a cluster do not poll in step). No thread ever spins: between runs it sleeps in the scheduler. After each run the
 * worker's lag and backlog go to {@link WorkerProgress}. A failing run (the store is down) is logged and tried
 * again after the pause.
 *
 * <p>{@link #stop} is clean: no new run starts, each run in progress finishes the item in hand and releases the
 * items it claimed but did not start, and the threads end.
 */
public final class WorkerScheduler {

    private static final System.Logger LOG = System.getLogger(WorkerScheduler.class.getName());

    private final List<Worker> workers;
    private final Clock clock;
    private final WorkerProgress progress;
    private final Duration idle;
    private final double jitter;
    private final RandomGenerator random;
    private final ExecutorService itemPool;
    private ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    /**
     * @param itemPool the pool the workers work their items on; shut down with the scheduler
     */
    public WorkerScheduler(List<Worker> workers, Clock clock, WorkerProgress progress, Duration idle, double jitter,
                           RandomGenerator random, ExecutorService itemPool) {
        this.workers = List.copyOf(workers);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
        this.itemPool = Objects.requireNonNull(itemPool, "itemPool");
    }

    /** Starts every worker; a second call does nothing. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(Math.max(1, workers.size()),
                namedThreads("payengine-worker"));
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = threads;
        for (Worker worker : workers) {
            schedule(worker, pause());
        }
        LOG.log(Level.INFO, () -> "background workers started: " + workers.stream().map(Worker::name).toList());
    }

    /**
     * Stops every worker and waits up to {@code grace} for the runs in progress to finish their items.
     *
     * @return whether everything finished within the grace period
     */
    public boolean stop(Duration grace) {
        ScheduledExecutorService running;
        synchronized (this) {
            stopping = true;
            running = scheduler;
        }
        workers.forEach(Worker::stop);
        if (running == null) {
            itemPool.shutdown();
            return true;
        }
        running.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        boolean finished = awaitTermination(running, deadline);
        itemPool.shutdown();
        finished = awaitTermination(itemPool, deadline) && finished;
        if (!finished) {
            running.shutdownNow();
            itemPool.shutdownNow();
            LOG.log(Level.WARNING, () -> "background workers did not finish within " + grace
                    + "; the leases of their unfinished items run out by themselves");
        } else {
            LOG.log(Level.INFO, "background workers stopped");
        }
        return finished;
    }

    private void schedule(Worker worker, Duration delay) {
        if (stopping) {
            return;
        }
        try {
            scheduler.schedule(() -> runAndReschedule(worker), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stop() shut the scheduler down between the check and the call: nothing more to run
        }
    }

    private void runAndReschedule(Worker worker) {
        Duration next = pause();
        try {
            WorkerRun run = worker.runOnce(clock.now());
            progress.runFinished(worker.name(), run.lag(), (int) Math.min(Integer.MAX_VALUE, run.backlog()));
            if (run.backlog() > 0 && run.worked() > 0) {
                next = Duration.ZERO;
            }
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, () -> worker.name() + ": run failed, trying again in " + idle.toMillis() + " ms: "
                    + failure, failure);
        }
        schedule(worker, next);
    }

    private Duration pause() {
        return Backoff.spread(idle, jitter, random);
    }

    private static boolean awaitTermination(ExecutorService executor, long deadlineNanos) {
        try {
            return executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Daemon threads named {@code <prefix>-<n>}, so a forgotten stop never keeps a JVM alive. */
    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
