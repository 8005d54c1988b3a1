package org.payengine.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.http.webhook.WebhookEventSink;
import org.payengine.adapters.persistence.Database;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.bootstrap.config.EngineConfiguration;
import org.payengine.bootstrap.metrics.JvmFigures;
import org.payengine.bootstrap.embedded.metrics.MeteredEventSink;
import org.payengine.bootstrap.wiring.DaggerStandaloneComponent;
import org.payengine.bootstrap.wiring.StandaloneComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.payengine.bootstrap.embedded.NodeWorkers;
import org.payengine.bootstrap.embedded.SystemClock;

/**
 * One running engine node: the database (migrated when configured), the HTTP server and the workers, started in
 * that order and stopped in the reverse one. {@link #stop()} is graceful: the server stops accepting and lets
 * requests in flight finish, the workers finish the items in hand and release their leases, then the pool closes.
 */
public final class StandaloneEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneEngine.class);

    private final StandaloneComponent component;
    private final Duration grace;
    private final PayEngineHttpServer server;
    private final NodeWorkers workers;
    private final JvmFigures jvmFigures;
    private boolean stopped;

    private StandaloneEngine(StandaloneComponent component, Duration grace, PayEngineHttpServer server,
                             NodeWorkers workers, JvmFigures jvmFigures) {
        this.component = component;
        this.jvmFigures = jvmFigures;
        this.grace = grace;
        this.server = server;
        this.workers = workers;
    }

    /**
     * Wires the engine for this configuration and starts it, its events going where the configuration says: signed
     * webhooks to the merchant's URL when one is configured, the log otherwise.
     *
     * @throws RuntimeException when the database cannot be migrated or the port cannot be bound; whatever was
     *                          opened is closed again
     */
    public static StandaloneEngine start(EngineConfiguration configuration) {
        return start(configuration, eventSinkFor(configuration));
    }

    /** The engine's parts for this configuration, nothing connected or started yet (a command uses a few of them). */
    public static StandaloneComponent wire(EngineConfiguration configuration, EventSink eventSink) {
        return wire(configuration, eventSink, SystemClock.INSTANCE);
    }

    private static StandaloneComponent wire(EngineConfiguration configuration, EventSink eventSink, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return DaggerStandaloneComponent.builder()
                .metrics(metrics)
                .clock(clock)
                .database(configuration.database())
                .antom(configuration.antom())
                .http(configuration.http())
                .workers(configuration.workers())
                .eventSink(new MeteredEventSink(eventSink, metrics))
                .reconciliation(configuration.reconciliation())
                .build();
    }

    /** The configured webhook (signing with the engine's clock), or the log. */
    public static EventSink eventSinkFor(EngineConfiguration configuration) {
        EventSink sink = configuration.webhook()
                .<EventSink>map(webhook -> new WebhookEventSink(webhook, SystemClock.INSTANCE))
                .orElseGet(LoggingEventSink::new);
        log.info("Events go to {}", configuration.webhook().map(webhook -> "the webhook " + webhook.url())
                .orElse("the log (org.payengine.events); set PAYENGINE_WEBHOOK_URL for webhooks"));
        return sink;
    }

    /**
     * Wires the engine for this configuration and starts it, with the host's own event sink.
     *
     * @throws RuntimeException when the database cannot be migrated or the port cannot be bound; whatever was
     *                          opened is closed again
     */
    public static StandaloneEngine start(EngineConfiguration configuration, EventSink eventSink) {
        return start(configuration, eventSink, SystemClock.INSTANCE);
    }

    /** With the time of the caller's choosing (a test's), for the whole engine: its use cases and its workers. */
    public static StandaloneEngine start(EngineConfiguration configuration, EventSink eventSink, Clock clock) {
        StandaloneComponent component = wire(configuration, eventSink, clock);
        Database database = component.database();
        // The schema migration (database I/O) and building the server (class loading, key parsing) overlap.
        CompletableFuture<Integer> migration = configuration.migrateOnStart()
                ? CompletableFuture.supplyAsync(database::migrateUnlessCurrent, StandaloneEngine::runInOwnThread)
                : CompletableFuture.completedFuture(0);
        try {
            PayEngineHttpServer server = component.httpServer();
            awaitMigration(migration);
            server.start();
            NodeWorkers workers = NodeWorkers.startIfEnabled(configuration.workers(), component::workers,
                    List.of(component.dailyReconciliation()), component.clock(), component.workerProgress());
            return new StandaloneEngine(component, configuration.shutdownGrace(), server, workers,
                    JvmFigures.register(component.metrics()));
        } catch (RuntimeException e) {
            migration.cancel(false);
            database.close();
            throw e;
        }
    }

    private static void awaitMigration(CompletableFuture<Integer> migration) {
        try {
            migration.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void runInOwnThread(Runnable task) {
        Thread thread = new Thread(task, "schema-migration");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code http://host:port} as bound. */
    public URI localUrl() {
        return server.localUrl();
    }

    public int port() {
        return server.port();
    }

    /** The use cases of this node, for a host that drives it in-process as well (tests, the demo). */
    public StandaloneComponent component() {
        return component;
    }

    /** Stops gracefully (idempotent): no new requests, in-flight ones finish within the grace, then the pool closes. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping: no new requests; in-flight requests have {} s to finish", grace.toSeconds());
        server.stop(grace);
        workers.stop(grace);
        component.database().close();
        jvmFigures.close();
        log.info("Stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
