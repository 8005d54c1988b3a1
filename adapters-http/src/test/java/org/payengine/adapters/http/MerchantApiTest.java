package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.CaptureMode;

/** The merchant API's endpoints and views, over real HTTP. */
class MerchantApiTest {

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

    @Test
    void creating_an_order_answers_201_with_the_order_view() {
        EngineClient.Answer created = engine.createOrder("order-create-1");

        assertEquals(201, created.status(), created::toString);
        assertEquals("/v1/orders/order-create-1", created.header("Location"));
        assertTrue(created.header("Content-Type").startsWith("application/json"));
        JsonNode order = created.json();
        assertEquals("order-create-1", order.path("referenceOrderId").asText());
        assertEquals("OPEN", order.path("status").asText());
        assertEquals("SGD", order.path("amount").path("currency").asText());
        assertEquals("4200", order.path("amount").path("value").asText());
        assertEquals("Two T-shirts", order.path("description").asText());
        assertEquals("buyer-7", order.path("buyer").path("referenceBuyerId").asText());
        assertEquals(0, order.path("payments").size());
        assertEquals(OffsetDateTime.parse("2025-03-01T10:00:00Z"), OffsetDateTime.parse(order.path("createdAt").asText()));
    }

    @Test
    void an_order_id_of_any_script_is_located_by_its_percent_encoded_path() {
        EngineClient.Answer created = engine.createOrder("茶壶 \uD83D\uDE00 1");

        assertEquals(201, created.status(), created::toString);
        assertEquals("/v1/orders/%E8%8C%B6%E5%A3%B6%20%F0%9F%98%80%201", created.header("Location"));
        EngineClient.Answer located = client.get(created.header("Location"));
        assertEquals(200, located.status(), located::toString);
        assertEquals("茶壶 \uD83D\uDE00 1", located.json().path("referenceOrderId").asText());
    }

    @Test
    void the_same_order_sent_again_answers_200_with_the_same_order() {
        engine.createOrder("order-again-1");

        EngineClient.Answer again = engine.createOrder("order-again-1");

        assertEquals(200, again.status(), again::toString);
        assertEquals("order-again-1", again.json().path("referenceOrderId").asText());
        assertEquals("4200", again.json().path("amount").path("value").asText());
    }

    @Test
    void an_amount_may_be_written_as_a_json_number_of_minor_units() {
        EngineClient.Answer created = client.post("/v1/orders", """
                {"referenceOrderId":"order-number-1","amount":{"currency":"JPY","value":4200}}""");

        assertEquals(201, created.status(), created::toString);
        assertEquals("4200", created.json().path("amount").path("value").asText());
        assertTrue(created.json().path("buyer").isMissingNode(), "an anonymous buyer is left out");
    }

    @Test
    void reading_an_order_shows_its_payments() {
        engine.createOrder("order-read-1");
        String paymentRequestId = engine.startPayment("order-read-1", "AUTOMATIC");

        EngineClient.Answer read = client.get("/v1/orders/order-read-1");

        assertEquals(200, read.status(), read::toString);
        JsonNode payments = read.json().path("payments");
        assertEquals(1, payments.size());
        assertEquals(paymentRequestId, payments.get(0).path("paymentRequestId").asText());
        assertEquals("PENDING", payments.get(0).path("status").asText());
        assertEquals("order-read-1", payments.get(0).path("referenceOrderId").asText());
    }

    @Test
    void starting_a_payment_answers_201_with_antoms_hosted_page_and_passes_the_options_to_antom() {
        engine.createOrder("order-pay-1");

        EngineClient.Answer started = client.post("/v1/orders/order-pay-1/payments", """
                {"captureMode":"MANUAL","redirectUrl":"https://shop.example/result?o=1","terminalType":"WAP",
                 "clientIp":"203.0.113.9","expiresInSeconds":540,"threeDS":true,"saveCard":true,
                 "selectedCardBrand":"VISA","someFutureField":{"ignored":true}}""");

        assertEquals(201, started.status(), started::toString);
        JsonNode payment = started.json();
        String paymentRequestId = payment.path("paymentRequestId").asText();
        assertEquals("/v1/payments/" + paymentRequestId, started.header("Location"));
        assertEquals("PENDING", payment.path("status").asText());
        assertFalse(payment.path("paymentId").asText().isEmpty());
        assertTrue(payment.path("redirectUrl").asText().startsWith("https://fake-antom.test/checkout/"));
        PaymentRequest sent = last(engine.antom.requests(PaymentRequest.class));
        assertEquals(paymentRequestId, sent.paymentRequestId().value());
        assertEquals(CaptureMode.MANUAL, sent.options().captureMode());
        assertEquals("https://shop.example/result?o=1", sent.options().redirectUrl());
        assertEquals("203.0.113.9", sent.options().environment().clientIp());
        assertEquals(Duration.ofSeconds(540), sent.options().expiresIn());
        assertEquals(Boolean.TRUE, sent.options().threeDS());
        assertTrue(sent.options().saveCard());
        assertEquals("VISA", sent.options().selectedCardBrand());
    }

    @Test
    void a_payment_shows_antoms_card_facts_and_the_capture_deadline() {
        String paymentRequestId = engine.paidOrder("order-facts-1", "MANUAL");

        EngineClient.Answer read = client.get("/v1/payments/" + paymentRequestId);

        assertEquals(200, read.status(), read::toString);
        JsonNode payment = read.json();
        assertEquals("AUTHORIZED", payment.path("status").asText());
        assertEquals("MANUAL", payment.path("captureMode").asText());
        assertEquals("order-facts-1", payment.path("referenceOrderId").asText());
        assertEquals("4200", payment.path("amount").path("value").asText());
        assertFalse(payment.path("duplicate").asBoolean());
        JsonNode card = payment.path("card");
        assertEquals("VISA", card.path("brand").asText());
        assertEquals("405469******0768", card.path("maskedNumber").asText());
        assertEquals("Y", card.path("avsResultRaw").asText());
        assertEquals("M", card.path("cvvResultRaw").asText());
        assertEquals("05", card.path("threeDS").path("eci").asText());
        assertEquals("fake-nti-1", card.path("networkTransactionId").asText());
        assertEquals(OffsetDateTime.parse("2025-03-08T10:00:00Z"),
                OffsetDateTime.parse(payment.path("capture").path("deadline").asText()),
                "seven days after the authorization");
        assertTrue(payment.path("capture").path("status").isMissingNode(), "no capture requested yet");
        assertTrue(payment.path("resultCode").isMissingNode(), "absent facts are left out");
        OffsetDateTime.parse(payment.path("expiresAt").asText());
    }

    @Test
    void capture_answers_202_with_the_capture_and_the_captured_payment() {
        String paymentRequestId = engine.paidOrder("order-capture-1", "MANUAL");

        EngineClient.Answer captured = client.post("/v1/payments/" + paymentRequestId + "/capture");

        assertEquals(202, captured.status(), captured::toString);
        assertEquals("SUCCEEDED", captured.json().path("status").asText());
        assertFalse(captured.json().path("captureId").asText().isEmpty());
        assertEquals("CAPTURED", captured.json().path("payment").path("status").asText());
        assertEquals("PAID", client.get("/v1/orders/order-capture-1").json().path("status").asText());
    }

    @Test
    void capture_is_idempotent_a_second_call_sends_the_same_capture_request_id() {
        String paymentRequestId = engine.paidOrder("order-capture-2", "MANUAL");
        engine.antom.answerNext(Operation.CAPTURE, GatewayOutcome.unknown("read timed out (test)", true));

        EngineClient.Answer first = client.post("/v1/payments/" + paymentRequestId + "/capture");
        EngineClient.Answer second = client.post("/v1/payments/" + paymentRequestId + "/capture", "{}");

        assertEquals(202, first.status(), first::toString);
        assertEquals("REQUESTED", first.json().path("status").asText(), "no definite answer: still requested");
        assertEquals(202, second.status(), second::toString);
        assertEquals("SUCCEEDED", second.json().path("status").asText());
        assertEquals(first.json().path("captureRequestId").asText(), second.json().path("captureRequestId").asText());
    }

    @Test
    void cancel_answers_202_with_the_cancelled_payment() {
        engine.createOrder("order-cancel-1");
        String paymentRequestId = engine.startPayment("order-cancel-1", "AUTOMATIC");

        EngineClient.Answer cancelled = client.post("/v1/payments/" + paymentRequestId + "/cancel");

        assertEquals(202, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().path("status").asText());
    }

    @Test
    void sync_asks_antom_and_answers_the_payment_as_it_stands_now() {
        engine.createOrder("order-sync-1");
        String paymentRequestId = engine.startPayment("order-sync-1", "AUTOMATIC");
        engine.antom.buyerIsDeclined(PaymentRequestId.of(paymentRequestId), "DO_NOT_HONOR");

        EngineClient.Answer synced = client.post("/v1/payments/" + paymentRequestId + "/sync");

        assertEquals(200, synced.status(), synced::toString);
        assertEquals("FAILED", synced.json().path("status").asText());
        assertEquals("DO_NOT_HONOR", synced.json().path("resultCode").asText());
        assertEquals("FAILED", client.get("/v1/payments/" + paymentRequestId).json().path("status").asText());
    }

    @Test
    void payment_methods_are_antoms_consult_result() {
        EngineClient.Answer methods = client.get("/v1/payment-methods?currency=SGD&terminalType=WEB");

        assertEquals(200, methods.status(), methods::toString);
        JsonNode options = methods.json().path("paymentOptions");
        assertEquals(2, options.size());
        assertEquals("CARD", options.get(0).path("paymentMethodType").asText());
        assertEquals("VISA", options.get(0).path("logo").path("logoName").asText());
        assertTrue(options.get(0).path("enabled").asBoolean());
    }

    @Test
    void every_configured_api_key_is_accepted() {
        EngineClient rotated = new EngineClient(engine.server.localUrl(), TestEngine.ROTATED_API_KEY);

        assertEquals(201, rotated.post("/v1/orders", """
                {"referenceOrderId":"order-rotated-1","amount":{"currency":"SGD","value":"100"}}""").status());
    }

    @Test
    void the_view_of_a_stored_order_is_the_same_whichever_endpoint_answers_it() {
        String paymentRequestId = engine.paidOrder("order-views-1", "AUTOMATIC");

        JsonNode fromOrder = client.get("/v1/orders/order-views-1").json().path("payments").get(0);
        JsonNode fromPayment = client.get("/v1/payments/" + paymentRequestId).json();

        assertEquals(fromPayment, fromOrder);
        assertEquals("CAPTURED", fromPayment.path("status").asText());
        assertEquals(InMemoryEngine.START.toString(), fromPayment.path("capture").path("capturedAt").asText());
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
