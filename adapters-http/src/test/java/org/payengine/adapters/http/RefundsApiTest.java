package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.domain.fact.ResultCode;

/** {@code POST /v1/payments/{id}/refunds} and {@code GET /v1/refunds/{id}}, every exchange checked against the OpenAPI document. */
class RefundsApiTest {

    private static TestEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
        client = engine.client;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String captured(String orderId) {
        String paymentRequestId = engine.paidOrder(orderId, "MANUAL");
        EngineClient.Answer captured = client.post("/v1/payments/" + paymentRequestId + "/capture");
        assertEquals("SUCCEEDED", captured.json().path("status").asText(), captured::toString);
        return paymentRequestId;
    }

    private static EngineClient.Answer refund(String paymentRequestId, String body) {
        return client.post("/v1/payments/" + paymentRequestId + "/refunds", body);
    }

    @Test
    void a_partial_then_a_full_refund_answer_201_and_the_order_says_refunded() {
        String paymentRequestId = captured("order-refund-1");

        EngineClient.Answer partial = refund(paymentRequestId,
                "{\"amount\":{\"currency\":\"SGD\",\"value\":\"1200\"},\"reason\":\"one cup was broken\"}");
        EngineClient.Answer rest = refund(paymentRequestId, "{\"amount\":{\"currency\":\"SGD\",\"value\":3000}}");

        assertEquals(201, partial.status(), partial::toString);
        JsonNode first = partial.json();
        assertEquals("SUCCEEDED", first.path("status").asText());
        assertEquals("1200", first.path("amount").path("value").asText());
        assertEquals("one cup was broken", first.path("reason").asText());
        assertFalse(first.path("refundId").asText().isEmpty());
        assertFalse(first.path("refundedAt").asText().isEmpty());
        assertEquals("/v1/refunds/" + first.path("refundRequestId").asText(), partial.header("Location"));
        assertEquals(201, rest.status(), rest::toString);
        JsonNode payment = client.get("/v1/payments/" + paymentRequestId).json();
        assertEquals("REFUNDED", payment.path("status").asText());
        assertEquals("4200", payment.path("refundedAmount").path("value").asText());
        assertEquals(2, payment.path("refunds").size());
        assertEquals("REFUNDED", client.get("/v1/orders/order-refund-1").json().path("status").asText());
        JsonNode read = client.get("/v1/refunds/" + first.path("refundRequestId").asText()).json();
        assertEquals(first, read);
    }

    @Test
    void a_refund_over_what_is_left_is_422_naming_the_amount_value_and_nothing_is_sent() {
        String paymentRequestId = captured("order-refund-2");
        int sentBefore = engine.antom.requests(RefundRequest.class).size();

        EngineClient.Answer refused = refund(paymentRequestId, "{\"amount\":{\"currency\":\"SGD\",\"value\":\"4201\"}}");

        assertEquals(422, refused.status(), refused::toString);
        assertEquals("REFUND_EXCEEDS_CAPTURED", refused.errorCode());
        assertEquals("amount.value", refused.errorField());
        assertEquals(sentBefore, engine.antom.requests(RefundRequest.class).size());
    }

    @Test
    void a_refund_in_another_currency_is_422_naming_the_amount_currency() {
        String paymentRequestId = captured("order-refund-3");

        EngineClient.Answer refused = refund(paymentRequestId, "{\"amount\":{\"currency\":\"USD\",\"value\":\"100\"}}");

        assertEquals(422, refused.status(), refused::toString);
        assertEquals("amount.currency", refused.errorField());
    }

    @Test
    void an_authorized_payment_is_409_not_captured_and_a_missing_amount_is_named() {
        String paymentRequestId = engine.paidOrder("order-refund-4", "MANUAL");

        EngineClient.Answer refused = refund(paymentRequestId, "{\"amount\":{\"currency\":\"SGD\",\"value\":\"100\"}}");
        EngineClient.Answer missing = refund(paymentRequestId, "{\"reason\":\"no amount\"}");

        assertEquals(409, refused.status(), refused::toString);
        assertEquals("NOT_CAPTURED", refused.errorCode());
        assertEquals(422, missing.status(), missing::toString);
        assertEquals("amount", missing.errorField());
    }

    @Test
    void a_refund_retried_with_the_same_idempotency_key_is_sent_to_antom_once() {
        String paymentRequestId = captured("order-refund-5");
        engine.antom.answerNext(Operation.REFUND, GatewayOutcome.unknown("read timed out (test)", true));
        String body = "{\"amount\":{\"currency\":\"SGD\",\"value\":\"500\"}}";
        int sentBefore = engine.antom.requests(RefundRequest.class).size();

        EngineClient.Answer first = client.send(client.authorized("/v1/payments/" + paymentRequestId + "/refunds")
                .header("Content-Type", "application/json").header("Idempotency-Key", "refund-key-5")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        EngineClient.Answer again = client.send(client.authorized("/v1/payments/" + paymentRequestId + "/refunds")
                .header("Content-Type", "application/json").header("Idempotency-Key", "refund-key-5")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, first.status(), first::toString);
        assertEquals("REQUESTED", first.json().path("status").asText(), "no answer is never a failure");
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(sentBefore + 1, engine.antom.requests(RefundRequest.class).size());
        assertEquals(1, client.get("/v1/payments/" + paymentRequestId).json().path("refunds").size());
    }

    @Test
    void antoms_refusal_is_a_failed_refund_with_antoms_reason() {
        String paymentRequestId = captured("order-refund-6");
        engine.antom.answerNext(Operation.REFUND,
                GatewayOutcome.refused(ResultCode.of("REFUND_WINDOW_EXCEED"), "The refund window has passed."));

        EngineClient.Answer refused = refund(paymentRequestId, "{\"amount\":{\"currency\":\"SGD\",\"value\":\"500\"}}");

        assertEquals(201, refused.status(), refused::toString);
        assertEquals("FAILED", refused.json().path("status").asText());
        assertEquals("REFUND_WINDOW_EXCEED", refused.json().path("resultCode").asText());
        assertTrue(client.get("/v1/payments/" + paymentRequestId).json().path("refundedAmount").path("value")
                .asText().equals("0"));
    }

    @Test
    void an_unknown_refund_is_404() {
        EngineClient.Answer missing = client.get("/v1/refunds/no-such-refund");

        assertEquals(404, missing.status(), missing::toString);
        assertEquals("REFUND_NOT_FOUND", missing.errorCode());
    }

    @Test
    void a_refund_the_node_may_not_send_now_is_503_antom_busy_with_nothing_written_and_its_retry_runs() {
        try (TestEngine paced = new TestEngine()) {
            String paymentRequestId = paced.paidOrder("order-refund-7", "MANUAL");
            EngineClient.Answer captured = paced.client.post("/v1/payments/" + paymentRequestId + "/capture");
            assertEquals("SUCCEEDED", captured.json().path("status").asText(), captured::toString);
            // Antom asked this node to slow down: it sends nothing until the pause is over.
            paced.callBudget.slowDown();
            HttpRequest.Builder request = paced.client.authorized("/v1/payments/" + paymentRequestId + "/refunds")
                    .header("Content-Type", "application/json").header("Idempotency-Key", "refund-key-7")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":{\"currency\":\"SGD\",\"value\":\"500\"}}"));

            EngineClient.Answer busy = paced.client.send(request);

            assertEquals(503, busy.status(), busy::toString);
            assertEquals("ANTOM_BUSY", busy.errorCode());
            assertNotNull(busy.header("Retry-After"));
            assertEquals(0, paced.antom.requests(RefundRequest.class).size());
            assertEquals(0, paced.client.get("/v1/payments/" + paymentRequestId).json().path("refunds").size(),
                    "no refund was written");

            paced.clock.advance(Duration.ofSeconds(1));
            EngineClient.Answer retried = paced.client.send(request);

            assertEquals(201, retried.status(), "a busy answer is not kept under its key: " + retried);
            assertEquals("SUCCEEDED", retried.json().path("status").asText());
            assertEquals(1, paced.antom.requests(RefundRequest.class).size());
        }
    }
}
