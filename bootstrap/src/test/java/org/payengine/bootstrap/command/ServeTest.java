package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.testing.CommandRun;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.testing.WebhookReceiver;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;

/** {@code serve} configured by its environment, against the simulator, over real loopback HTTP. */
class ServeTest {

    private static final String WEBHOOK_SECRET = "whsec-serve-test-0123456789abcdef";

    private static AntomSimulator antom;

    @BeforeAll
    static void startAntom() {
        antom = AntomSimulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopAntom() {
        antom.close();
    }

    @Test
    void serve_starts_from_its_environment_and_answers_over_loopback_http_with_its_figures_in_metrics(@TempDir Path data) throws Exception {
        StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(ServeEnvironment.of(antom, data)));
        URI base = engine.localUrl();
        try {
            HttpResponse<String> health = Http.get(base.resolve("/health"));
            HttpResponse<String> order = Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                    "{\"referenceOrderId\":\"serve-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");

            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"UP\""), health.body());
            assertEquals(201, order.statusCode(), order.body());
            String metrics = Http.get(base.resolve("/metrics")).body();
            assertTrue(metrics.contains("payengine_http_requests_total{method=\"POST\",route=\"/v1/orders\",status=\"201\"} 1"),
                    metrics);
            assertTrue(metrics.contains("payengine_payment_attempts{status=\"PENDING\"} 0"), metrics);
            assertTrue(metrics.contains("payengine_engine_statistics_up 1"), metrics);
            assertTrue(metrics.contains("payengine_reconciliation_runs_total 0"), metrics);
            assertTrue(metrics.contains("hikaricp_connections_active{pool=\"payengine-db\"}"), "the pool's figures");
            assertTrue(metrics.contains("jvm_memory_used_bytes{"), "the JVM's figures");
        } finally {
            engine.stop();
        }
        assertThrows(IOException.class, () -> Http.get(base.resolve("/health")),
                "a stopped engine listens no more");
    }

    @Test
    void a_stopping_engine_lets_the_request_in_flight_finish_and_takes_no_new_one(@TempDir Path data) throws Exception {
        StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(ServeEnvironment.of(antom, data)));
        URI base = engine.localUrl();
        Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                "{\"referenceOrderId\":\"in-flight-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");
        antom.injectFault(Fault.of(FaultKind.HANG, 1).forApi("pay").withHangSeconds(3));

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> post(base,
                "/v1/orders/in-flight-1/payments", "{\"captureMode\":\"AUTOMATIC\",\"redirectUrl\":\"https://shop.example/r\","
                        + "\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}"));
        awaitAttemptWritten(base, "in-flight-1"); // the attempt is INITIATED: the pay call to Antom is under way
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(engine::stop);

        HttpResponse<String> answered = inFlight.get();
        stopping.get();

        assertEquals(201, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("\"status\":\"PENDING\""), answered.body());
        assertThrows(IOException.class, () -> Http.get(base.resolve("/health")));
        antom.clearFaults();
    }

    @Test
    void serve_posts_a_signed_order_paid_webhook_once_a_payment_completes(@TempDir Path data) throws Exception {
        try (WebhookReceiver merchant = WebhookReceiver.start()) {
            Map<String, String> environment = ServeEnvironment.of(antom, data);
            environment.put("PAYENGINE_WEBHOOK_URL", merchant.url());
            environment.put("PAYENGINE_WEBHOOK_SECRET", WEBHOOK_SECRET);
            StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(environment));
            try {
                URI base = engine.localUrl();
                post(base, "/v1/orders", "{\"referenceOrderId\":\"webhook-1\",\"amount\":{\"currency\":\"SGD\","
                        + "\"value\":\"4200\"}}");
                String payment = post(base, "/v1/orders/webhook-1/payments", "{\"captureMode\":\"AUTOMATIC\","
                        + "\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\","
                        + "\"clientIp\":\"203.0.113.7\"}").body();
                antom.completePayment(field(payment, "paymentId"), "4054695723100768", false);
                String synced = post(base, "/v1/payments/" + field(payment, "paymentRequestId") + "/sync", "").body();
                assertTrue(synced.contains("\"status\":\"CAPTURED\""), synced);

                WebhookReceiver.Received paid = merchant.await(
                        request -> "order.paid".equals(request.header("PayEngine-Event-Type")), Duration.ofSeconds(60))
                        .orElseThrow(() -> new AssertionError("no order.paid webhook; received "
                                + merchant.received().stream().map(request -> request.header("PayEngine-Event-Type"))
                                .toList()));

                String body = new String(paid.body(), StandardCharsets.UTF_8);
                assertEquals("POST", paid.method());
                assertEquals("/payengine-events", paid.path());
                assertTrue(paid.header("Content-Type").startsWith("application/json"), paid.headers()::toString);
                assertTrue(body.contains("\"type\":\"order.paid\""), body);
                assertTrue(body.contains("\"referenceOrderId\":\"webhook-1\""), body);
                assertTrue(body.contains("\"id\":\"" + paid.header("PayEngine-Event-Id") + "\""), body);
                assertEquals(documentedSignature(WEBHOOK_SECRET, paid.header("PayEngine-Timestamp"), paid.body()),
                        paid.header("PayEngine-Signature"));
                long signedAt = Long.parseLong(paid.header("PayEngine-Timestamp"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - signedAt) <= 300, "signed just now: " + signedAt);
            } finally {
                engine.stop();
            }
        }
    }

    /** The signature exactly as WEBHOOKS.md tells a merchant to compute it: HMAC-SHA256 over "timestamp.body". */
    private static String documentedSignature(String secret, String timestamp, byte[] rawBody) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(value.find(), name + " in " + json);
        return value.group(1);
    }

    @Test
    void show_config_prints_every_setting_with_secrets_masked(@TempDir Path data) {
        Map<String, String> environment = ServeEnvironment.of(antom, data);
        environment.put("PAYENGINE_WEBHOOK_URL", "https://shop.example.com/payengine-events");
        environment.put("PAYENGINE_WEBHOOK_SECRET", WEBHOOK_SECRET);

        CommandRun run = CommandRun.of(environment, "serve", "--show-config");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("PAYENGINE_API_KEYS"), run.out());
        assertFalse(run.out().contains(ServeEnvironment.API_KEY), run.out());
        assertFalse(run.out().contains(antom.merchantPrivateKey().substring(0, 40)), run.out());
        assertFalse(run.out().contains(WEBHOOK_SECRET), run.out());
        assertTrue(run.out().contains("PAYENGINE_WEBHOOK_URL"), run.out());
        assertTrue(run.out().endsWith("The configuration is complete.\n"), run.out());
    }

    @Test
    void serve_without_configuration_names_what_is_missing_and_starts_nothing() {
        CommandRun run = CommandRun.of(Map.of(), "serve");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine serve: The configuration has 5 problems:"), run.err());
        for (String setting : new String[] {"PAYENGINE_API_KEYS", "PAYENGINE_ANTOM_ENDPOINT", "PAYENGINE_ANTOM_CLIENT_ID",
                "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", "PAYENGINE_ANTOM_PUBLIC_KEY"}) {
            assertTrue(run.err().contains("  - " + setting + ": is not set"), setting + " in " + run.err());
        }
    }

    @Test
    void serve_takes_no_secret_from_the_command_line() {
        CommandRun run = CommandRun.of(Map.of(), "serve", "--api-keys", "0123456789abcdef0123");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine serve: unknown option --api-keys\n"), run.err());
        assertFalse(run.err().contains("0123456789abcdef0123"), "the value is not repeated: " + run.err());
    }

    private static HttpResponse<String> post(URI base, String path, String json) {
        try {
            return Http.postJson(base.resolve(path), ServeEnvironment.API_KEY, json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAttemptWritten(URI base, String orderId) throws Exception {
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> order = Http.getAuthorized(base.resolve("/v1/orders/" + orderId), ServeEnvironment.API_KEY);
            if (order.body().contains("\"paymentRequestId\"")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the payment attempt was never written");
    }
}
