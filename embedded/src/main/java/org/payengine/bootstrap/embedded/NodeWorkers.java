package org.payengine.bootstrap.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.payengine.application.port.Clock;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.Worker;
import org.payengine.application.worker.WorkerScheduler;
import org.payengine.application.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's background workers as both composition roots run them, the {@code serve} command's
 * {@code StandaloneEngine} and the embedded {@link PayEngine}: built and started only when the settings enable them
 * (once the schema is migrated), and stopped before the store they work on closes — each run finishing the item in
 * hand and giving back the items it claimed but did not start.
 */
public final class NodeWorkers {

    private static final Logger log = LoggerFactory.getLogger(NodeWorkers.class);

    /** Empty when the workers are off on this node. */
    private final BackgroundWorkers workers;
    /** The node's other workers (the daily reconciliation) on a scheduler of their own; empty when there are none. */
    private final WorkerScheduler others;
    private volatile boolean stopped;

    private NodeWorkers(BackgroundWorkers workers, WorkerScheduler others) {
        this.workers = workers;
        this.others = others;
    }

    /**
     * Builds (from the component's wiring) and starts the workers when {@code settings} enable them; otherwise
     * builds nothing.
     */
    public static NodeWorkers startIfEnabled(WorkerSettings settings, Supplier<BackgroundWorkers> wiring) {
        return startIfEnabled(settings, wiring, List.of(), null, null);
    }

    /**
     * Also runs {@code others} (each a leased job that checks every {@link #OTHERS_IDLE} whether it is due), reporting to
     * {@code progress} on {@code clock}.
     */
    public static NodeWorkers startIfEnabled(WorkerSettings settings, Supplier<BackgroundWorkers> wiring, List<Worker> others,
                                      Clock clock, WorkerProgress progress) {
        if (!settings.enabled()) {
            log.info("Background workers off on this node");
            return new NodeWorkers(null, null);
        }
        BackgroundWorkers workers = wiring.get();
        workers.start();
        WorkerScheduler scheduler = null;
        if (!others.isEmpty()) {
            scheduler = new WorkerScheduler(others, clock, progress, OTHERS_IDLE, settings.jitter(), new Random(),
                    Executors.newSingleThreadExecutor());
            scheduler.start();
        }
        log.info("Background workers running (node {})", settings.nodeId());
        return new NodeWorkers(workers, scheduler);
    }

    /** How often the other workers look whether their job is due. */
    static final Duration OTHERS_IDLE = Duration.ofMinutes(1);

    public boolean running() {
        return workers != null && !stopped;
    }

    /**
     * Stops the workers (idempotent), waiting up to {@code grace} for the items in hand; items still in hand after it
     * are left to their leases, which run out by themselves.
     */
    public synchronized void stop(Duration grace) {
        if (workers == null || stopped) {
            return;
        }
        stopped = true;
        if (others != null && !others.stop(grace)) {
            log.warn("The daily jobs still busy after {} s: their leases run out by themselves", grace.toSeconds());
        }
        if (!workers.stop(grace)) {
            log.warn("Workers still busy after {} s: their leases run out by themselves", grace.toSeconds());
        }
    }
}
