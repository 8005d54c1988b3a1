package org.payengine.adapters.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.payengine.application.port.NotificationDecoding;

/**
 * The HTTP edge's figures in the engine's Micrometer registry, and what {@code GET /metrics} answers: requests by
 * route template, method and status ({@code payengine_http_requests_total}) with latency histograms
 * ({@code payengine_http_request_duration_seconds}), and refused notifications by reason
 * ({@code payengine_notification_verifications_failed_total}). The rest of {@code /metrics} — the workers, the
 * store's figures, the pool, the JVM — is whatever else the composition root put in the same registry.
 *
 * @param registry   where the edge records its figures
 * @param exposition the Prometheus text of the whole registry, made at each scrape
 */
public record HttpMetrics(MeterRegistry registry, Supplier<String> exposition) {

    /** Upper bounds of the latency buckets: the same as the engine has always published. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    public HttpMetrics {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(exposition, "exposition");
        for (NotificationDecoding.Reason reason : NotificationDecoding.Reason.values()) {
            refusals(registry, reason); // every reason shows from the start, at 0
        }
    }

    /** The registry's own exposition, nothing refreshed before it. */
    public static HttpMetrics of(PrometheusMeterRegistry registry) {
        return new HttpMetrics(registry, registry::scrape);
    }

    /** One answered request; {@code route} is the route's template (never the raw path, to bound the series). */
    void requestAnswered(String route, String method, int status, long nanos) {
        Counter.builder("payengine.http.requests")
                .description("HTTP requests answered, by route template, method and status.")
                .tags("route", route, "method", method, "status", Integer.toString(status))
                .register(registry).increment();
        Timer.builder("payengine.http.request.duration")
                .description("Time from the request's arrival to its answer, by route template.")
                .tags("route", route)
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** A notification that failed verification or could not be read. */
    void notificationRefused(NotificationDecoding.Reason reason) {
        refusals(registry, reason).increment();
    }

    String scrape() {
        return exposition.get();
    }

    /** Registering again answers the counter already registered. */
    private static Counter refusals(MeterRegistry registry, NotificationDecoding.Reason reason) {
        return Counter.builder("payengine.notification.verifications.failed")
                .description("Notifications refused: not verifiably Antom's, or unreadable; by reason.")
                .tag("reason", reason.name())
                .register(registry);
    }
}
