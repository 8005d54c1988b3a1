package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same request id with the same request gets the same answer; with a different one, REPEAT_REQ_INCONSISTENT. */
class IdempotencyTest {

    private static AntomSimulator antom;
    private static RawClient raw;

    @BeforeAll
    static void start() {
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterAll
    static void stop() {
        antom.stop();
    }

    private static String code(JsonNode answer) {
        return answer.path("result").path("resultCode").asText();
    }

    @Test
    void the_same_pay_request_returns_the_same_payment_whatever_the_key_order_or_scalar_form() {
        ObjectNode body = Requests.pay("idem-1", "4200", "MANUAL");
        JsonNode first = raw.call("pay", body);
        ObjectNode reordered = RawClient.JSON.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, body.get(name)));
        ((ObjectNode) reordered.get("paymentFactor")).put("isAuthorization", "true");
        JsonNode second = raw.call("pay", reordered);
        assertEquals(first.path("paymentId"), second.path("paymentId"));
        assertEquals(first.path("normalUrl"), second.path("normalUrl"));
        assertEquals("PAYMENT_IN_PROCESS", code(second));
    }

    @Test
    void a_different_pay_request_under_the_same_id_is_inconsistent() {
        raw.call("pay", Requests.pay("idem-2", "4200", "MANUAL"));
        JsonNode other = raw.call("pay", Requests.pay("idem-2", "4300", "MANUAL"));
        assertEquals("REPEAT_REQ_INCONSISTENT", code(other));
        assertEquals("F", other.path("result").path("resultStatus").asText());
    }

    @Test
    void a_resent_pay_reports_the_outcome_reached_since() {
        JsonNode first = raw.call("pay", Requests.pay("idem-3", "4200", "MANUAL"));
        antom.completePayment(first.path("paymentId").asText(), "4054695723100768", false);
        JsonNode again = raw.call("pay", Requests.pay("idem-3", "4200", "MANUAL"));
        assertEquals("SUCCESS", code(again));
        assertEquals(first.path("paymentId"), again.path("paymentId"));
    }

    @Test
    void a_final_failure_is_repeated_not_retried() {
        assertEquals("RISK_REJECT", code(raw.call("pay", Requests.pay("idem-4", "11", "MANUAL"))));
        assertEquals("RISK_REJECT", code(raw.call("pay", Requests.pay("idem-4", "11", "MANUAL"))));
        assertEquals("REPEAT_REQ_INCONSISTENT", code(raw.call("pay", Requests.pay("idem-4", "12", "MANUAL"))));
    }

    @Test
    void a_request_refused_for_bad_input_does_not_burn_its_id() {
        ObjectNode bad = Requests.pay("idem-5", "4200", "MANUAL");
        bad.remove("env");
        assertEquals("PARAM_ILLEGAL", code(raw.call("pay", bad)));
        assertEquals("PAYMENT_IN_PROCESS", code(raw.call("pay", Requests.pay("idem-5", "4200", "MANUAL"))));
    }

    @Test
    void request_ids_belong_to_their_kind_and_captures_and_refunds_replay_too() {
        String paymentId = raw.call("pay", Requests.pay("idem-6", "4200", "MANUAL")).path("paymentId").asText();
        antom.completePayment(paymentId, "4054695723100768", false);
        JsonNode capture = raw.call("capture", Requests.capture("idem-6", paymentId, "SGD", "4200"));
        assertEquals("SUCCESS", code(capture));
        JsonNode again = raw.call("capture", Requests.capture("idem-6", paymentId, "SGD", "4200"));
        assertEquals(capture.path("captureId"), again.path("captureId"));
        assertEquals(capture.path("captureTime"), again.path("captureTime"));
        assertEquals("REPEAT_REQ_INCONSISTENT", code(raw.call("capture", Requests.capture("idem-6", paymentId, "SGD", "4100"))));

        JsonNode refund = raw.call("refund", Requests.refund("idem-6", paymentId, "100"));
        JsonNode refundAgain = raw.call("refund", Requests.refund("idem-6", paymentId, "100"));
        assertEquals(refund.path("refundId"), refundAgain.path("refundId"));
        assertEquals("REPEAT_REQ_INCONSISTENT", code(raw.call("refund", Requests.refund("idem-6", paymentId, "200"))));
        assertEquals(1, antom.payment(paymentId).orElseThrow().refunds().size(), "the replay refunded nothing more");
    }

    @Test
    void request_ids_are_scoped_by_payment_request_not_shared_between_payments() {
        JsonNode a = raw.call("pay", Requests.pay("idem-7a", "4200", "MANUAL"));
        JsonNode b = raw.call("pay", Requests.pay("idem-7b", "4200", "MANUAL"));
        assertNotEquals(a.path("paymentId"), b.path("paymentId"));
    }
}
