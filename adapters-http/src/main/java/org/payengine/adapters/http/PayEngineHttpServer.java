package org.payengine.adapters.http;

import io.undertow.UndertowOptions;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.usecase.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;

/**
 * The engine over HTTP: the merchant JSON API, Antom's notification endpoint, {@code /health}, {@code /metrics}
 * and, when enabled, the demo pages, on Undertow. Every request runs on a worker thread (they block on the
 * database and on Antom), never on an I/O thread.
 *
 * <pre>{@code
 * HttpMetrics metrics = HttpMetrics.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
 * PayEngineHttpServer server = new PayEngineHttpServer(
 *         HttpSettings.of("0.0.0.0", 8080, apiKeys, URI.create("https://pay.example.com")), useCases, ports, metrics);
 * server.start();
 * ...
 * server.stop(Duration.ofSeconds(10));   // stop accepting, let in-flight requests finish, then close
 * }</pre>
 *
 * Antom's notifications must be sent to the public base URL followed by {@link #NOTIFICATION_PATH}.
 */
public final class PayEngineHttpServer implements AutoCloseable {

    /** Where Antom posts its notifications. */
    public static final String NOTIFICATION_PATH = "/notifications/antom";
    /** What {@link #close()} gives in-flight requests. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(PayEngineHttpServer.class);
    private static final long MAX_UNREAD_BODY_BYTES = 4L << 20;

    private final HttpSettings settings;
    private final HttpMetrics metrics;
    private final GracefulShutdownHandler inFlight;
    private final OptionMap serverOptions;
    private HttpListener listener;
    private State state = State.NEW;

    private enum State { NEW, RUNNING, STOPPED }

    public PayEngineHttpServer(HttpSettings settings, UseCases useCases, ServerPorts ports, HttpMetrics metrics) {
        this(settings, useCases, ports, Optional.empty(), metrics);
    }

    /**
     * With reconciliation's routes ({@code /v1/reconciliation/…}, the demo's reconciliation page), when given.
     */
    public PayEngineHttpServer(HttpSettings settings, UseCases useCases, ServerPorts ports,
                               Optional<ReconciliationUseCases> reconciliation, HttpMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(ports, "ports");
        this.inFlight = new GracefulShutdownHandler(
                new RequestMetrics(metrics, new BlockingHandler(Routes.of(settings, useCases, ports, reconciliation, metrics))));
        this.serverOptions = OptionMap.builder()
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                // a backstop for bodies nobody reads: the routes that read one cap it far lower (BoundedBody)
                .set(UndertowOptions.MAX_ENTITY_SIZE, MAX_UNREAD_BODY_BYTES)
                .getMap();
    }

    /**
     * Opens the listener and serves.
     *
     * @throws IllegalStateException when started before, or the address cannot be bound (e.g. the port is taken)
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("The server was started before; build a new one");
        }
        try {
            listener = HttpListener.open(settings.host(), settings.port(), settings.workerThreads(), serverOptions,
                    inFlight);
        } catch (IOException | RuntimeException e) {
            state = State.STOPPED;
            throw new IllegalStateException("Cannot serve HTTP on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        state = State.RUNNING;
        log.info("PayEngine HTTP serving on {} (demo pages {})", localUrl(), settings.demoPages() ? "on" : "off");
    }

    /** The port the listener is bound to: the configured one, or the free one picked for port 0. */
    public synchronized int port() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("The server is not running");
        }
        return listener.port();
    }

    /** {@code http://host:port} as bound, for clients on this machine. */
    public URI localUrl() {
        return URI.create("http://" + (settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host())
                + ":" + port());
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully: new requests are refused with 503 at once, requests in flight get up to {@code grace}
     * to finish, then the listener and the threads are closed. Idempotent.
     *
     * @return whether every in-flight request finished within the grace period
     */
    public synchronized boolean stop(Duration grace) {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return true;
        }
        inFlight.shutdown();
        boolean drained;
        try {
            drained = inFlight.awaitShutdown(Math.max(0, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        listener.close();
        state = State.STOPPED;
        if (drained) {
            log.info("PayEngine HTTP stopped");
        } else {
            log.warn("PayEngine HTTP stopped with requests still in flight after {}", grace);
        }
        return drained;
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }
}
