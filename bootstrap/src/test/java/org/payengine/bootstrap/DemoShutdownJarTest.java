package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.RunningJar;

/**
 * SIGTERM to the demo while a request is in flight: the engine stops taking requests, lets the one in flight finish,
 * stops its workers, and only then closes the embedded database. H2's own shutdown hook, which closed it at once
 * beside the engine's, is off: while the engine waited for the request, every worker run failed on a closed
 * database, and so did the request.
 */
class DemoShutdownJarTest {

    private static final Path JAR = Path.of("target", "payengine.jar");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void a_request_in_flight_at_sigterm_finishes_against_the_database_before_it_closes(@TempDir Path directory)
            throws Exception {
        try (RunningJar demo = RunningJar.start(JAR, directory, Map.of(), "demo", "--port", "0", "--simulator-port", "0")) {
            URI engine = URI.create(demo.awaitLine("Merchant API: +(http://[^/\\s]+)", Duration.ofSeconds(120)));
            String apiKey = demo.awaitLine("API key: +(\\S+)", Duration.ofSeconds(5));
            URI simulator = URI.create(demo.awaitLine("Antom simulator: +(http://\\S+)", Duration.ofSeconds(5)));
            payFor("warm-up", engine, apiKey); // so that the request below spends its time waiting for Antom only
            assertEquals(201, Http.postJson(engine.resolve("/v1/orders"), apiKey,
                    "{\"referenceOrderId\":\"sigterm-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}").statusCode());
            // Antom holds its answer to the pay call for two seconds: the request is in flight when SIGTERM comes, and
            // the engine waits for it (up to the demo's grace of five seconds) while its workers go on running
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(simulator.resolve("/sandbox/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"HANG\",\"api\":\"pay\",\"hangSeconds\":2}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).statusCode());

            CompletableFuture<HttpResponse<String>> payment = CompletableFuture.supplyAsync(() -> {
                try {
                    return Http.postJson(engine.resolve("/v1/orders/sigterm-1/payments"), apiKey,
                            "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\"}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitAttemptWritten(engine, apiKey);
            Optional<Integer> exit = demo.terminate(Duration.ofSeconds(60));

            assertEquals(Optional.of(143), exit, demo::output); // 128 + SIGTERM, after the shutdown hook ran
            assertTrue(demo.output().endsWith("Stopped"), demo::output);
            assertFalse(demo.output().contains("Database is already closed"), demo::output);
            assertFalse(demo.output().contains("the database is unavailable"), demo::output);
            assertFalse(demo.output().contains(" ERROR "), demo::output);
            try {
                HttpResponse<String> answer = payment.join();
                assertEquals(201, answer.statusCode(), () -> answer.body() + "\n" + demo.output());
            } catch (RuntimeException cutOff) {
                // past the grace period on a machine slowed down that much: the stop did not wait for it any longer
                assertTrue(demo.output().contains("requests still in flight"), demo::output);
            }
        }
    }

    private static void payFor(String orderId, URI engine, String apiKey) throws Exception {
        assertEquals(201, Http.postJson(engine.resolve("/v1/orders"), apiKey, "{\"referenceOrderId\":\"" + orderId
                + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}").statusCode());
        assertEquals(201, Http.postJson(engine.resolve("/v1/orders/" + orderId + "/payments"), apiKey,
                "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\"}").statusCode());
    }

    /** The attempt is written before Antom is called: once it shows, the pay call is under way. */
    private static void awaitAttemptWritten(URI engine, String apiKey) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Http.getAuthorized(engine.resolve("/v1/orders/sigterm-1"), apiKey).body().contains("paymentRequestId")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the attempt was never written");
    }
}
