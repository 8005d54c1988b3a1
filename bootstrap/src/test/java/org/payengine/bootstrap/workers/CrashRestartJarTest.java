package org.payengine.bootstrap.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.RunningJar;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.payments.PaymentView;

/**
 * The engine process killed ({@code kill -9}) at the worst moments, then started again on the same data: every
 * payment ends as it would have without the crash, with nothing lost and nothing applied twice. The runnable jar
 * ({@code serve}, workers on) against the Antom simulator; a test-only crash point ({@code -Dpayengine.crashPoint})
 * freezes the engine at the exact moment, and the test kills it there.
 */
class CrashRestartJarTest {

    private static final Path JAR = Path.of("target", "payengine.jar");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SUCCESS_CARD = "4054695723100768";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private AntomSimulator antom;
    private URI base;
    private RunningJar engine;

    @BeforeEach
    void startAntom() {
        antom = AntomSimulator.builder().port(0).build().start();
    }

    @AfterEach
    void stopAll() {
        if (engine != null) {
            engine.close();
        }
        antom.close();
    }

    @Test
    void killed_between_the_pay_call_and_storing_its_answer_the_payment_still_ends_paid() throws Exception {
        int port = freePort();
        engine = serve(port, "after-pay-call");
        createOrder("order-crashed");
        CompletableFuture<HttpResponse<String>> payCall = CompletableFuture.supplyAsync(() -> startPayment("order-crashed"));
        engine.awaitLine("PAYENGINE CRASH POINT after-pay-call", PATIENCE);
        JsonNode initiated = order("order-crashed").at("/payments/0");
        assertEquals("INITIATED", initiated.get("status").asText(), "written before Antom was called");
        engine.kill(PATIENCE);
        assertTrue(payCall.handle((answer, failure) -> failure != null).join(), "the merchant got no answer");

        engine = serve(port, null);
        JsonNode pending = awaitPayment("order-crashed", payment -> payment.hasNonNull("paymentId"));
        assertEquals("PENDING", pending.get("status").asText(), "the follow-up found Antom's payment by its request id");
        antom.completePayment(pending.get("paymentId").asText(), SUCCESS_CARD, false);
        JsonNode crashed = awaitPayment("order-crashed", payment -> payment.get("status").asText().equals("CAPTURED"));

        createOrder("order-control");
        JsonNode controlStart = JSON.readTree(startPayment("order-control").body());
        antom.completePayment(controlStart.get("paymentId").asText(), SUCCESS_CARD, false);
        awaitPayment("order-control", payment -> payment.get("status").asText().equals("CAPTURED"));

        PaymentView atAntom = antom.payment(crashed.get("paymentId").asText()).orElseThrow();
        assertEquals(initiated.get("paymentRequestId").asText(), atAntom.paymentRequestId());
        assertEquals(1, atAntom.captures().size());
        assertEquals(1, order("order-crashed").get("payments").size());
        stopEngine();
        assertBothPaidOnceAndNothingForReview("order-crashed", "order-control");
    }

    @Test
    void killed_between_storing_a_notification_and_acknowledging_it_the_notification_is_applied_once()
            throws Exception {
        int port = freePort();
        engine = serve(port, "after-notification-stored");
        createOrder("order-crashed");
        JsonNode started = JSON.readTree(startPayment("order-crashed").body());
        String paymentId = started.get("paymentId").asText();

        antom.completePayment(paymentId, SUCCESS_CARD, false);
        engine.awaitLine("PAYENGINE CRASH POINT after-notification-stored", PATIENCE);
        engine.kill(PATIENCE);

        engine = serve(port, null);
        antom.advanceClock(Duration.ofMinutes(2)); // Antom sends what was not acknowledged again
        antom.awaitIdle(PATIENCE);
        awaitPayment("order-crashed", payment -> payment.get("status").asText().equals("CAPTURED"));
        awaitTrue(() -> antom.payment(paymentId).orElseThrow().notifications().stream()
                .allMatch(notification -> notification.state().equals("ACKNOWLEDGED")));

        createOrder("order-control");
        JsonNode control = JSON.readTree(startPayment("order-control").body());
        antom.completePayment(control.get("paymentId").asText(), SUCCESS_CARD, false);
        awaitPayment("order-control", payment -> payment.get("status").asText().equals("CAPTURED"));
        PaymentView atAntom = antom.payment(paymentId).orElseThrow();
        assertTrue(atAntom.notifications().stream().anyMatch(notification -> notification.attempts().size() > 1),
                "a notification was sent again after the crash: " + atAntom.notifications());
        stopEngine();
        assertBothPaidOnceAndNothingForReview("order-crashed", "order-control");
    }

    // ---- the engine process --------------------------------------------------------------------------

    private RunningJar serve(int port, String crashPoint) throws Exception {
        Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, directory.resolve("data")));
        environment.put("PAYENGINE_HTTP_PORT", Integer.toString(port));
        environment.put("PAYENGINE_PUBLIC_URL", "http://127.0.0.1:" + port);
        environment.put("PAYENGINE_WORKER_IDLE_MILLIS", "200");
        environment.put("PAYENGINE_WORKER_LEASE_SECONDS", "10");
        environment.put("PAYENGINE_FOLLOW_UP_CALL_WINDOW_SECONDS", "1");
        if (crashPoint != null) {
            environment.put("JAVA_TOOL_OPTIONS", "-Dpayengine.crashPoint=" + crashPoint);
        }
        RunningJar started = RunningJar.start(JAR, directory, environment, "serve");
        base = URI.create(started.awaitLine("PayEngine serving on (http://\\S+)", PATIENCE));
        return started;
    }

    private void stopEngine() throws InterruptedException {
        assertTrue(engine.terminate(PATIENCE).isPresent(), engine.output());
        engine = null;
    }

    private void createOrder(String id) throws Exception {
        HttpResponse<String> created = Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                "{\"referenceOrderId\":\"" + id + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                        + "\"description\":\"Two coffees\",\"buyer\":{\"referenceBuyerId\":\"buyer-1\"}}");
        assertEquals(201, created.statusCode(), created.body());
    }

    private HttpResponse<String> startPayment(String orderId) {
        try {
            return Http.postJson(base.resolve("/v1/orders/" + orderId + "/payments"), ServeEnvironment.API_KEY,
                    "{\"captureMode\":\"AUTOMATIC\",\"redirectUrl\":\"https://shop.example/return\","
                            + "\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the pay call got no answer: " + e, e);
        }
    }

    private JsonNode order(String id) throws Exception {
        HttpResponse<String> answer = Http.getAuthorized(base.resolve("/v1/orders/" + id), ServeEnvironment.API_KEY);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private JsonNode awaitPayment(String orderId, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode payment = order(orderId).at("/payments/0");
            if (condition.test(payment)) {
                return payment;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("payment of " + orderId + " is still " + payment + "\n" + engine.output());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Both orders ended paid with the same facts told once each: one "capture succeeded", one "order paid", and
     * nothing for a person. (Whether "order authorized" came first depends on which of Antom's words — payment
     * result, capture result, inquiry — arrived first, crash or not.)
     */
    private void assertBothPaidOnceAndNothingForReview(String crashed, String control) {
        try (Database database = Database.open(DatabaseSettings.embeddedUnder(directory.resolve("data")))) {
            for (String order : List.of(crashed, control)) {
                List<DomainEvent> events = database.outbox().eventsOf(ReferenceOrderId.of(order));
                List<String> types = types(events);
                assertEquals(1, types.stream().filter("capture.succeeded"::equals).count(), order + ": " + types);
                assertEquals(1, types.stream().filter("order.paid"::equals).count(), order + ": " + types);
                assertTrue(types.stream().filter("order.authorized"::equals).count() <= 1, order + ": " + types);
                assertTrue(events.stream().noneMatch(NeedsReview.class::isInstance), order + ": " + events);
                assertEquals(List.of("CAPTURED"), database.orders().findByReferenceOrderId(ReferenceOrderId.of(order))
                        .orElseThrow().attempts().stream().map(attempt -> attempt.status().name()).toList(), order);
            }
        }
    }

    private static List<String> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
