package org.payengine.bootstrap;

import java.time.Duration;
import java.util.function.Supplier;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's background workers as both composition roots run them, the {@code serve} command's
 * {@link StandaloneEngine} and the embedded {@link PayEngine}: built and started only when the settings enable them
 * (once the schema is migrated), and stopped before the store they work on closes — each run finishing the item in
 * hand and giving back the items it claimed but did not start.
 */
final class NodeWorkers {

    private static final Logger log = LoggerFactory.getLogger(NodeWorkers.class);

    /** Empty when the workers are off on this node. */
    private final BackgroundWorkers workers;
    private volatile boolean stopped;

    private NodeWorkers(BackgroundWorkers workers) {
        this.workers = workers;
    }

    /**
     * Builds (from the component's wiring) and starts the workers when {@code settings} enable them; otherwise
     * builds nothing.
     */
    static NodeWorkers startIfEnabled(WorkerSettings settings, Supplier<BackgroundWorkers> wiring) {
        if (!settings.enabled()) {
            log.info("Background workers off on this node");
            return new NodeWorkers(null);
        }
        BackgroundWorkers workers = wiring.get();
        workers.start();
        log.info("Background workers running (node {})", settings.nodeId());
        return new NodeWorkers(workers);
    }

    boolean running() {
        return workers != null && !stopped;
    }

    /**
     * Stops the workers (idempotent), waiting up to {@code grace} for the items in hand; items still in hand after it
     * are left to their leases, which run out by themselves.
     */
    synchronized void stop(Duration grace) {
        if (workers == null || stopped) {
            return;
        }
        stopped = true;
        if (!workers.stop(grace)) {
            log.warn("Workers still busy after {} s: their leases run out by themselves", grace.toSeconds());
        }
    }
}
