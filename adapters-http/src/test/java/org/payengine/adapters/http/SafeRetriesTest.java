package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.PaymentRequest;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Retrying the merchant API's calls: every {@code POST} with an {@code Idempotency-Key} answers the first answer
 * again without doing anything twice, and capture and cancel repeated without a key answer the state they reached.
 */
class SafeRetriesTest {

    private static TestEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
        client = engine.client;
    }

    @AfterEach
    void storeBackUp() {
        engine.store.down(false);
        engine.antom.onCall(request -> { });
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void an_order_created_again_with_the_same_key_gets_the_first_answer_marked_as_replayed() {
        EngineClient.Answer first = post("/v1/orders", "key-order-1", order("retry-order-1"));
        EngineClient.Answer again = post("/v1/orders", "key-order-1", order("retry-order-1"));

        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), "the first status, not the 200 of an order sent again: " + again);
        assertEquals(first.body(), again.body());
        assertEquals("/v1/orders/retry-order-1", again.header("Location"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
    }

    @Test
    void the_same_json_written_otherwise_is_the_same_request() {
        post("/v1/orders", "key-order-2", """
                {"referenceOrderId":"retry-order-2","amount":{"currency":"SGD","value":"4200"}}""");

        EngineClient.Answer reordered = post("/v1/orders", "key-order-2", """
                {  "amount" : { "value":"4200", "currency":"SGD" },
                   "referenceOrderId" : "retry-order-2" }""");

        assertEquals(201, reordered.status(), reordered::toString);
        assertEquals("true", reordered.header("Idempotent-Replayed"));
    }

    @Test
    void the_same_key_with_another_body_or_on_another_path_is_409_IDEMPOTENCY_KEY_REUSED() {
        post("/v1/orders", "key-order-3", order("retry-order-3"));

        EngineClient.Answer otherBody = post("/v1/orders", "key-order-3", order("retry-order-3b"));
        EngineClient.Answer otherPath = post("/v1/orders/retry-order-3/payments", "key-order-3", payment());

        for (EngineClient.Answer refused : new EngineClient.Answer[] {otherBody, otherPath}) {
            assertEquals(409, refused.status(), refused::toString);
            assertEquals("IDEMPOTENCY_KEY_REUSED", refused.errorCode());
            assertEquals("Idempotency-Key", refused.errorField());
        }
        assertEquals(404, client.get("/v1/orders/retry-order-3b").status(), "nothing was executed");
        assertEquals(0, client.get("/v1/orders/retry-order-3").json().path("payments").size());
    }

    @Test
    void a_payment_started_again_with_the_same_key_is_one_attempt_and_one_call_to_antom() {
        engine.createOrder("retry-pay-1");
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        EngineClient.Answer first = post("/v1/orders/retry-pay-1/payments", "key-pay-1", payment());
        EngineClient.Answer again = post("/v1/orders/retry-pay-1/payments", "key-pay-1", payment());

        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().path("paymentRequestId"), again.json().path("paymentRequestId"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, engine.antom.requests(PaymentRequest.class).size() - paysBefore);
        assertEquals(1, client.get("/v1/orders/retry-pay-1").json().path("payments").size());
    }

    @Test
    void a_capture_sent_again_with_the_same_key_answers_the_same_and_is_sent_to_antom_once() {
        String paymentRequestId = engine.paidOrder("retry-capture-1", "MANUAL");
        int capturesBefore = engine.antom.requests(CaptureRequest.class).size();

        EngineClient.Answer first = post("/v1/payments/" + paymentRequestId + "/capture", "key-capture-1", null);
        EngineClient.Answer again = post("/v1/payments/" + paymentRequestId + "/capture", "key-capture-1", null);

        assertEquals(202, first.status(), first::toString);
        assertEquals(202, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(1, engine.antom.requests(CaptureRequest.class).size() - capturesBefore);
    }

    @Test
    void a_retry_while_the_first_request_is_executed_is_409_IDEMPOTENCY_KEY_IN_USE_and_never_executes_it_twice()
            throws Exception {
        engine.createOrder("retry-concurrent-1");
        CountDownLatch atAntom = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        engine.antom.onCall(request -> {
            if (request instanceof PaymentRequest) {
                atAntom.countDown();
                await(answer);
            }
        });
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        CompletableFuture<EngineClient.Answer> first = CompletableFuture.supplyAsync(
                () -> post("/v1/orders/retry-concurrent-1/payments", "key-concurrent-1", payment()));
        assertTrue(atAntom.await(10, TimeUnit.SECONDS), "the first request reached Antom");
        EngineClient.Answer during = post("/v1/orders/retry-concurrent-1/payments", "key-concurrent-1", payment());
        answer.countDown();
        EngineClient.Answer firstAnswer = first.get(20, TimeUnit.SECONDS);
        EngineClient.Answer after = post("/v1/orders/retry-concurrent-1/payments", "key-concurrent-1", payment());

        assertEquals(409, during.status(), during::toString);
        assertEquals("IDEMPOTENCY_KEY_IN_USE", during.errorCode());
        assertEquals("1", during.header("Retry-After"));
        assertEquals(201, firstAnswer.status(), firstAnswer::toString);
        assertEquals(firstAnswer.body(), after.body());
        assertEquals(1, engine.antom.requests(PaymentRequest.class).size() - paysBefore);
    }

    @Test
    void an_answer_that_says_try_again_is_not_kept_and_the_retry_executes() {
        engine.store.down(true);
        EngineClient.Answer during = post("/v1/orders", "key-outage-1", order("retry-outage-1"));
        engine.store.down(false);

        EngineClient.Answer after = post("/v1/orders", "key-outage-1", order("retry-outage-1"));

        assertEquals(503, during.status(), during::toString);
        assertEquals(201, after.status(), after::toString);
        assertNull(after.header("Idempotent-Replayed"));
    }

    @Test
    void a_refusal_is_the_answer_of_its_key_like_any_other() {
        EngineClient.Answer refused = post("/v1/orders", "key-refused-1", """
                {"referenceOrderId":"retry-refused-1","amount":{"currency":"SGD","value":"-1"}}""");
        EngineClient.Answer again = post("/v1/orders", "key-refused-1", """
                {"referenceOrderId":"retry-refused-1","amount":{"currency":"SGD","value":"-1"}}""");

        assertEquals(422, refused.status(), refused::toString);
        assertEquals(refused.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
    }

    @Test
    void a_key_that_is_empty_too_long_holds_a_space_or_a_card_number_is_400_naming_the_header() {
        for (String key : new String[] {"", "x".repeat(256), "with space", "4054-6957-2310-0768"}) {
            EngineClient.Answer answer = client.send(client.authorized("/v1/orders")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(order("retry-badkey-1"))));

            assertEquals(400, answer.status(), () -> key + ": " + answer);
            assertEquals("INVALID_IDEMPOTENCY_KEY", answer.errorCode());
            assertEquals("Idempotency-Key", answer.errorField());
        }
        assertEquals(404, client.get("/v1/orders/retry-badkey-1").status());
    }

    @Test
    void a_key_on_a_read_is_ignored() {
        engine.createOrder("retry-read-1");

        EngineClient.Answer read = client.send(client.authorized("/v1/orders/retry-read-1")
                .header("Idempotency-Key", "key-read-1").GET());

        assertEquals(200, read.status(), read::toString);
        assertNull(read.header("Idempotent-Replayed"));
    }

    @Test
    void without_a_key_a_second_capture_answers_200_with_the_capture_as_it_is() {
        String paymentRequestId = engine.paidOrder("again-capture-1", "MANUAL");

        EngineClient.Answer first = client.post("/v1/payments/" + paymentRequestId + "/capture");
        EngineClient.Answer again = client.post("/v1/payments/" + paymentRequestId + "/capture");

        assertEquals(202, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertEquals("SUCCEEDED", again.json().path("status").asText());
        assertEquals(first.json().path("captureRequestId"), again.json().path("captureRequestId"));
        assertEquals("CAPTURED", again.json().path("payment").path("status").asText());
    }

    @Test
    void without_a_key_a_second_cancel_answers_200_with_the_cancelled_payment() {
        String paymentRequestId = engine.paidOrder("again-cancel-1", "MANUAL");

        EngineClient.Answer first = client.post("/v1/payments/" + paymentRequestId + "/cancel");
        EngineClient.Answer again = client.post("/v1/payments/" + paymentRequestId + "/cancel");

        assertEquals(202, first.status(), first::toString);
        assertEquals("CANCELLED", first.json().path("status").asText());
        assertEquals(200, again.status(), again::toString);
        assertEquals("CANCELLED", again.json().path("status").asText());
    }

    @Test
    void cancelling_a_failed_payment_answers_200_with_it_as_it_is() {
        engine.createOrder("again-failed-1");
        String paymentRequestId = engine.startPayment("again-failed-1", "AUTOMATIC");
        engine.antom.buyerIsDeclined(PaymentRequestId.of(paymentRequestId), "DO_NOT_HONOR");
        client.post("/v1/payments/" + paymentRequestId + "/sync");

        EngineClient.Answer cancelled = client.post("/v1/payments/" + paymentRequestId + "/cancel");

        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("FAILED", cancelled.json().path("status").asText());
    }

    @Test
    void capture_after_cancel_and_cancel_after_capture_are_real_contradictions_409() {
        String cancelled = engine.paidOrder("contradiction-1", "MANUAL");
        client.post("/v1/payments/" + cancelled + "/cancel");
        String captured = engine.paidOrder("contradiction-2", "MANUAL");
        client.post("/v1/payments/" + captured + "/capture");

        EngineClient.Answer captureAfterCancel = client.post("/v1/payments/" + cancelled + "/capture");
        EngineClient.Answer cancelAfterCapture = client.post("/v1/payments/" + captured + "/cancel");

        assertEquals(409, captureAfterCancel.status(), captureAfterCancel::toString);
        assertEquals("NOT_AUTHORIZED", captureAfterCancel.errorCode());
        assertEquals(409, cancelAfterCapture.status(), cancelAfterCapture::toString);
        assertEquals("ALREADY_CAPTURED", cancelAfterCapture.errorCode());
    }

    private static EngineClient.Answer post(String path, String key, String json) {
        HttpRequest.Builder request = client.authorized(path).header("Idempotency-Key", key);
        if (json == null) {
            return client.send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return client.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String order(String referenceOrderId) {
        return """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"},"description":"A teapot"}"""
                .formatted(referenceOrderId);
    }

    private static String payment() {
        return """
                {"captureMode":"MANUAL","redirectUrl":"https://shop.example/result","terminalType":"WEB"}""";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
