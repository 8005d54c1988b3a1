package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayHealth;
import org.payengine.domain.id.PaymentRequestId;

/** {@code /health}, {@code /metrics}, and a graceful stop. */
class OperationsTest {

    @Test
    void health_is_200_while_the_database_answers_and_503_when_it_does_not() {
        try (TestEngine engine = new TestEngine()) {
            EngineClient.Answer up = engine.client.send(engine.client.request("/health").GET());
            engine.store.down(true);
            EngineClient.Answer down = engine.client.send(engine.client.request("/health").GET());

            assertEquals(200, up.status(), up::toString);
            assertEquals("UP", up.json().path("status").asText());
            assertEquals("UP", up.json().path("checks").path("database").asText());
            assertEquals("UP", up.json().path("checks").path("antom").asText());
            assertEquals(503, down.status(), down::toString);
            assertEquals("DOWN", down.json().path("checks").path("database").asText());
            assertEquals("STORE_UNAVAILABLE", down.errorCode());
        }
    }

    @Test
    void health_names_what_antom_refuses_and_the_settings_to_check_while_the_node_keeps_serving() {
        try (TestEngine engine = new TestEngine()) {
            engine.gatewayAlarms.add(new GatewayHealth.Alarm("pay", "INVALID_SIGNATURE",
                    "Antom could not verify the request's signature",
                    List.of("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE"),
                    Instant.parse("2030-01-01T00:00:00Z")));

            EngineClient.Answer degraded = engine.client.send(engine.client.request("/health").GET());

            assertEquals(200, degraded.status(), "a load balancer keeps the node: notifications and reads still work");
            assertEquals("DEGRADED", degraded.json().path("status").asText());
            assertEquals("REFUSED", degraded.json().path("checks").path("antom").asText());
            JsonNode alarm = degraded.json().path("alarms").path(0);
            assertEquals("INVALID_SIGNATURE", alarm.path("code").asText());
            assertEquals("pay", alarm.path("operation").asText());
            assertEquals("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", alarm.path("settings").path(0).asText());
            assertEquals("2030-01-01T00:00:00Z", alarm.path("since").asText());
        }
    }

    @Test
    void metrics_count_requests_by_route_template_and_status_with_latency_histograms() {
        try (TestEngine engine = new TestEngine()) {
            engine.createOrder("metrics-1");
            engine.createOrder("metrics-1");
            engine.client.get("/v1/orders/metrics-1");
            engine.client.get("/v1/orders/metrics-2");
            engine.client.send(engine.client.request("/v1/orders/metrics-1").GET());

            EngineClient.Answer scrape = engine.client.send(engine.client.request("/metrics").GET());

            assertEquals(200, scrape.status());
            assertTrue(scrape.header("Content-Type").startsWith("text/plain; version=0.0.4"));
            String text = scrape.body();
            assertTrue(text.contains("# TYPE payengine_http_requests_total counter"), text);
            assertTrue(text.contains("payengine_http_requests_total{method=\"POST\",route=\"/v1/orders\",status=\"201\"} 1"), text);
            assertTrue(text.contains("payengine_http_requests_total{method=\"POST\",route=\"/v1/orders\",status=\"200\"} 1"), text);
            assertTrue(text.contains("payengine_http_requests_total{method=\"GET\",route=\"/v1/orders/{referenceOrderId}\",status=\"200\"} 1"), text);
            assertTrue(text.contains("payengine_http_requests_total{method=\"GET\",route=\"/v1/orders/{referenceOrderId}\",status=\"404\"} 1"), text);
            assertTrue(text.contains("payengine_http_requests_total{method=\"GET\",route=\"/v1/orders/{referenceOrderId}\",status=\"401\"} 1"), text);
            assertTrue(text.contains("payengine_http_request_duration_seconds_bucket{route=\"/v1/orders\",le=\"0.005\"}"), text);
            assertTrue(text.contains("# TYPE payengine_http_request_duration_seconds histogram"), text);
            assertTrue(text.contains("payengine_http_request_duration_seconds_bucket{route=\"/v1/orders\",le=\"+Inf\"} 2"), text);
            assertTrue(text.contains("payengine_http_request_duration_seconds_count{route=\"/v1/orders/{referenceOrderId}\"} 3"), text);
            assertFalse(text.contains("metrics-1"), "raw paths never become labels");
            assertTrue(text.contains("payengine_notification_verifications_failed_total{reason=\"BAD_SIGNATURE\"} 0"), text);
        }
    }

    @Test
    void any_method_name_a_client_invents_counts_as_other_so_the_series_stay_bounded() {
        try (TestEngine engine = new TestEngine()) {
            for (int i = 0; i < 60; i++) {
                engine.client.send(engine.client.request("/health").method("M" + i + "X",
                        java.net.http.HttpRequest.BodyPublishers.noBody()));
            }
            engine.client.send(engine.client.request("/health").GET());

            String text = engine.client.send(engine.client.request("/metrics").GET()).body();

            java.util.Set<String> methods = new java.util.TreeSet<>();
            java.util.regex.Matcher labels = java.util.regex.Pattern.compile("method=\"([^\"]*)\"").matcher(text);
            while (labels.find()) {
                methods.add(labels.group(1));
            }
            assertEquals(java.util.Set.of("GET", "OTHER"), methods, text);
        }
    }

    @Test
    void metrics_expose_the_whole_registry_made_afresh_at_each_scrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicInteger scrapes = new AtomicInteger();
        HttpMetrics metrics = new HttpMetrics(registry, () -> {
            scrapes.incrementAndGet();
            return registry.scrape();
        });
        registry.gauge("payengine.outbox.backlog", 5);
        try (TestEngine engine = new TestEngine(settings -> settings, metrics, gateway -> gateway)) {
            String first = engine.client.send(engine.client.request("/metrics").GET()).body();
            String second = engine.client.send(engine.client.request("/metrics").GET()).body();

            assertTrue(first.contains("# TYPE payengine_outbox_backlog gauge\npayengine_outbox_backlog 5"), first);
            assertTrue(second.contains("payengine_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"} 1"),
                    "the first scrape counted: " + second);
            assertEquals(2, scrapes.get(), "each scrape made the exposition afresh");
        }
    }

    @Test
    void stopping_refuses_new_requests_lets_the_one_in_flight_finish_then_closes() throws Exception {
        TestEngine engine = new TestEngine();
        engine.createOrder("in-flight-1");
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment("in-flight-1", "AUTOMATIC"));
        String body = "{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"" + payment + "\"}";
        engine.decoder.script(body, engine.antom.buyerPays(payment));
        ScriptedNotificationDecoder.Hold hold = engine.decoder.holdNext();
        CompletableFuture<EngineClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> engine.client.send(
                engine.client.request("/notifications/antom").header("Content-Type", "application/json")
                        .header("client-id", "my-client-id")
                        .header("Request-Time", "2025-03-01T18:00:00+08:00")
                        .header("signature", ScriptedNotificationDecoder.VALID_SIGNATURE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))));
        assertTrue(hold.entered().await(20, TimeUnit.SECONDS), "the notification reached the decoder");

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> engine.server.stop(Duration.ofSeconds(20)));
        EngineClient.Answer refused = awaitRefusal(engine);
        assertFalse(stopped.isDone(), "the stop waits for the request in flight");
        hold.released().countDown();

        assertEquals(503, refused.status(), "new requests are refused while stopping");
        EngineClient.Answer finished = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, finished.status(), finished::toString);
        assertEquals(ScriptedNotificationDecoder.ACKNOWLEDGEMENT, finished.body());
        assertTrue(stopped.get(20, TimeUnit.SECONDS), "every request in flight finished");
        assertThrows(UncheckedIOException.class, () -> engine.client.send(engine.client.request("/health").GET()),
                "the listener is closed");
    }

    /** Asks until the stopping server refuses (it starts refusing as soon as the stop began). */
    private static EngineClient.Answer awaitRefusal(TestEngine engine) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            EngineClient.Answer answer = engine.client.send(engine.client.request("/health").GET());
            if (answer.status() == 503) {
                return answer;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the server never started refusing new requests");
    }
}
