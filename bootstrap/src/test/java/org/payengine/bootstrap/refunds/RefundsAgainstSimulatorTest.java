package org.payengine.bootstrap.refunds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.testing.PostgresSchema;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.payments.PaymentView;

/**
 * Merchant refunds end to end: {@code serve} over real HTTP, the official SDK against the simulated Antom, on H2 and
 * on PostgreSQL. A partial then a full refund; a refund over the captured amount refused naming the field; a refund
 * retried with its {@code Idempotency-Key} reaches Antom once (the simulator counts the calls it received).
 */
class RefundsAgainstSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Nested
    class OnH2 extends Scenarios {
        @Override
        Map<String, String> database(Path data) {
            return Map.of();
        }
    }

    @Nested
    class OnPostgreSQL extends Scenarios {
        private PostgresSchema schema;

        @Override
        Map<String, String> database(Path data) {
            Optional<PostgresSchema> postgres = PostgresSchema.create("RefundsAgainstSimulatorTest");
            Assumptions.assumeTrue(postgres.isPresent(), "PAYENGINE_TEST_POSTGRES_URL is not set");
            schema = postgres.get();
            return Map.of("PAYENGINE_DB_URL", schema.url(), "PAYENGINE_DB_SCHEMA", schema.schema());
        }

        @AfterAll
        void dropSchema() throws Exception {
            if (schema != null) {
                schema.close();
            }
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {

        private AntomSimulator antom;
        private StandaloneEngine engine;

        /** The settings that put the engine on this database. */
        abstract Map<String, String> database(Path data);

        @BeforeAll
        void start() throws Exception {
            Path data = Files.createTempDirectory("refunds-");
            Map<String, String> settings = database(data);
            antom = AntomSimulator.builder().port(0).build().start();
            Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, data));
            environment.putAll(settings);
            environment.put("PAYENGINE_WORKERS", "false");
            engine = ServeCommand.start(ConfigurationValues.of(environment));
        }

        @AfterAll
        void stop() throws Exception {
            if (engine != null) {
                engine.close();
            }
            if (antom != null) {
                antom.close();
            }
        }

        @Test
        void a_partial_then_a_full_refund_give_the_buyer_everything_back_and_the_order_says_so() throws Exception {
            String orderId = "refund-" + UUID.randomUUID().toString().substring(0, 8);
            String paymentRequestId = captured(orderId);

            HttpResponse<String> partial = post("/v1/payments/" + paymentRequestId + "/refunds", null,
                    "{\"amount\":{\"currency\":\"SGD\",\"value\":\"1500\"},\"reason\":\"one cup arrived broken\"}");
            HttpResponse<String> rest = post("/v1/payments/" + paymentRequestId + "/refunds", null,
                    "{\"amount\":{\"currency\":\"SGD\",\"value\":\"2700\"}}");

            assertEquals(201, partial.statusCode(), partial.body());
            assertEquals("SUCCEEDED", json(partial).path("status").asText(), partial.body());
            assertEquals(201, rest.statusCode(), rest.body());
            assertEquals("SUCCEEDED", json(rest).path("status").asText(), rest.body());
            JsonNode payment = json(get("/v1/payments/" + paymentRequestId));
            assertEquals("REFUNDED", payment.path("status").asText());
            assertEquals("4200", payment.path("refundedAmount").path("value").asText());
            assertEquals(2, payment.path("refunds").size());
            assertEquals("REFUNDED", json(get("/v1/orders/" + orderId)).path("status").asText());
            PaymentView atAntom = antom.payment(payment.path("paymentId").asText()).orElseThrow();
            assertEquals(2, atAntom.refunds().size());
            assertEquals(json(partial).path("refundId").asText(), atAntom.refunds().get(0).refundId());
            JsonNode read = json(get("/v1/refunds/" + json(partial).path("refundRequestId").asText()));
            assertEquals(json(partial), read);
        }

        @Test
        void a_refund_over_the_captured_amount_is_refused_naming_the_field_and_never_reaches_antom() throws Exception {
            String paymentRequestId = captured("refund-over-" + UUID.randomUUID().toString().substring(0, 8));
            post("/v1/payments/" + paymentRequestId + "/refunds", null,
                    "{\"amount\":{\"currency\":\"SGD\",\"value\":\"4000\"}}");
            long refundCallsBefore = refundCalls();

            HttpResponse<String> refused = post("/v1/payments/" + paymentRequestId + "/refunds", null,
                    "{\"amount\":{\"currency\":\"SGD\",\"value\":\"201\"}}");

            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("REFUND_EXCEEDS_CAPTURED", json(refused).path("error").path("code").asText());
            assertEquals("amount.value", json(refused).path("error").path("field").asText());
            assertEquals(refundCallsBefore, refundCalls());
        }

        @Test
        void a_refund_retried_with_the_same_idempotency_key_is_sent_to_antom_once() throws Exception {
            String paymentRequestId = captured("refund-retry-" + UUID.randomUUID().toString().substring(0, 8));
            String key = UUID.randomUUID().toString();
            String body = "{\"amount\":{\"currency\":\"SGD\",\"value\":\"1000\"}}";
            long refundCallsBefore = refundCalls();

            HttpResponse<String> first = post("/v1/payments/" + paymentRequestId + "/refunds", key, body);
            HttpResponse<String> again = post("/v1/payments/" + paymentRequestId + "/refunds", key, body);

            assertEquals(201, first.statusCode(), first.body());
            assertEquals(first.body(), again.body());
            assertEquals(Optional.of("true"), again.headers().firstValue("Idempotent-Replayed"));
            assertEquals(refundCallsBefore + 1, refundCalls(), "Antom was asked to refund once");
            JsonNode payment = json(get("/v1/payments/" + paymentRequestId));
            assertEquals(1, payment.path("refunds").size());
            assertEquals("1000", payment.path("refundedAmount").path("value").asText());
        }

        /** An order paid by card on the hosted page with manual capture, then captured through the API. */
        private String captured(String orderId) throws Exception {
            HttpResponse<String> created = post("/v1/orders", null,
                    "{\"referenceOrderId\":\"" + orderId + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<String> started = post("/v1/orders/" + orderId + "/payments", null,
                    "{\"captureMode\":\"MANUAL\",\"redirectUrl\":\"https://shop.example/back\",\"terminalType\":\"WEB\"}");
            assertEquals(201, started.statusCode(), started.body());
            String paymentRequestId = json(started).path("paymentRequestId").asText();
            antom.completePayment(json(started).path("paymentId").asText(), "4054695723100768", false);
            HttpResponse<String> synced = post("/v1/payments/" + paymentRequestId + "/sync", null, null);
            assertEquals("AUTHORIZED", json(synced).path("status").asText(), synced.body());
            HttpResponse<String> captured = post("/v1/payments/" + paymentRequestId + "/capture", null, null);
            assertEquals("SUCCEEDED", json(captured).path("status").asText(), captured.body());
            return paymentRequestId;
        }

        /** How many refund calls the simulated Antom received, from its control API. */
        private long refundCalls() throws Exception {
            HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(URI.create(antom.baseUrl() + "/sandbox/stats"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stats.statusCode(), stats.body());
            return JSON.readTree(stats.body()).path("apis").path("refund").path("calls").asLong(0);
        }

        private HttpResponse<String> post(String path, String key, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(engine.localUrl().resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ServeEnvironment.API_KEY);
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(engine.localUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ServeEnvironment.API_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static JsonNode json(HttpResponse<String> response) throws Exception {
            return JSON.readTree(response.body());
        }
    }
}
