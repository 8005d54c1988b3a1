package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;

/** Business refusals answered 409 with the contract's codes; an unreachable store or Antom answered 503. */
class ConflictsAndOutagesTest {

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
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void the_same_order_id_with_another_body_is_409_ORDER_CONFLICT() {
        engine.createOrder("conflict-1");

        EngineClient.Answer answer = client.post("/v1/orders", """
                {"referenceOrderId":"conflict-1","amount":{"currency":"SGD","value":"9999"}}""");

        assertConflict(answer, "ORDER_CONFLICT");
        assertEquals("4200", client.get("/v1/orders/conflict-1").json().path("amount").path("value").asText());
    }

    @Test
    void a_new_payment_of_a_paid_order_is_409_ORDER_ALREADY_PAID() {
        engine.paidOrder("paid-1", "AUTOMATIC");

        EngineClient.Answer answer = client.post("/v1/orders/paid-1/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","clientIp":"203.0.113.9"}""");

        assertConflict(answer, "ORDER_ALREADY_PAID");
        assertEquals(1, client.get("/v1/orders/paid-1").json().path("payments").size());
    }

    @Test
    void capturing_a_payment_that_is_not_authorized_is_409_NOT_AUTHORIZED() {
        engine.createOrder("not-authorized-1");
        String paymentRequestId = engine.startPayment("not-authorized-1", "MANUAL");

        assertConflict(client.post("/v1/payments/" + paymentRequestId + "/capture"), "NOT_AUTHORIZED");
    }

    @Test
    void capturing_after_the_seven_day_window_is_409_CAPTURE_WINDOW_EXPIRED() {
        String paymentRequestId = engine.paidOrder("window-1", "MANUAL");
        engine.clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertConflict(client.post("/v1/payments/" + paymentRequestId + "/capture"), "CAPTURE_WINDOW_EXPIRED");
        assertEquals("AUTHORIZED", client.get("/v1/payments/" + paymentRequestId).json().path("status").asText());
    }

    @Test
    void cancelling_a_captured_payment_is_409_ALREADY_CAPTURED() {
        String paymentRequestId = engine.paidOrder("captured-1", "MANUAL");
        assertEquals(202, client.post("/v1/payments/" + paymentRequestId + "/capture").status());

        assertConflict(client.post("/v1/payments/" + paymentRequestId + "/cancel"), "ALREADY_CAPTURED");
    }

    @Test
    void cancelling_while_a_capture_awaits_antoms_answer_is_409_CAPTURE_IN_PROGRESS_until_the_capture_is_settled() {
        String paymentRequestId = engine.paidOrder("capture-on-its-way-1", "MANUAL");
        engine.antom.loseNextAnswer(Operation.CAPTURE);
        EngineClient.Answer capture = client.post("/v1/payments/" + paymentRequestId + "/capture");
        assertEquals("REQUESTED", capture.json().path("status").asText(), capture::toString);

        EngineClient.Answer cancel = client.post("/v1/payments/" + paymentRequestId + "/cancel");

        assertConflict(cancel, "CAPTURE_IN_PROGRESS");
        assertEquals(202, client.post("/v1/payments/" + paymentRequestId + "/capture").status(), "the capture sent again");
        assertConflict(client.post("/v1/payments/" + paymentRequestId + "/cancel"), "ALREADY_CAPTURED");
    }

    @Test
    void issuer_authentication_with_manual_capture_is_422_on_capture_mode() {
        engine.createOrder("korean-1");

        EngineClient.Answer answer = client.post("/v1/orders/korean-1/payments", """
                {"captureMode":"MANUAL","redirectUrl":"https://shop.example/r","terminalType":"WEB",
                 "requireIssuerAuthentication":true}""");

        assertEquals(422, answer.status(), answer::toString);
        assertEquals("INVALID_CAPTURE_MODE", answer.errorCode());
        assertEquals("captureMode", answer.errorField());
    }

    @Test
    void a_store_that_is_down_is_503_and_nothing_is_changed() {
        engine.store.down(true);

        EngineClient.Answer create = engine.createOrder("outage-1");
        EngineClient.Answer read = client.get("/v1/orders/anything");

        assertEquals(503, create.status(), create::toString);
        assertEquals("STORE_UNAVAILABLE", create.errorCode());
        assertNotNull(create.header("Retry-After"));
        assertEquals(503, read.status(), read::toString);
        engine.store.down(false);
        assertEquals(404, client.get("/v1/orders/outage-1").status(), "nothing was stored during the outage");
        assertEquals(201, engine.createOrder("outage-1").status(), "the same call succeeds once the store is back");
    }

    @Test
    void antom_without_a_definite_answer_is_503_ANTOM_UNAVAILABLE() {
        engine.antom.answerNext(Operation.CONSULT, GatewayOutcome.unknown("connect timed out (test)", true));

        EngineClient.Answer answer = client.get("/v1/payment-methods?currency=SGD");

        assertEquals(503, answer.status(), answer::toString);
        assertEquals("ANTOM_UNAVAILABLE", answer.errorCode());
    }

    private static void assertConflict(EngineClient.Answer answer, String code) {
        assertEquals(409, answer.status(), answer::toString);
        assertEquals(code, answer.errorCode(), answer::toString);
    }
}
