package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Antom's gateway checks and field validation: every refusal is HTTP 200 and a result code; the gateway's own
 * refusals (method, path, media type, client id, signature, key version) come unsigned, as Antom's gateway sends them,
 * the APIs' refusals signed.
 */
class RequestVerificationTest {

    private static final String PAY = "/ams/sandbox/api/v1/payments/pay";
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

    private static String payBody(String id) {
        return Requests.pay(id, "4200", "AUTOMATIC").toString();
    }

    private static RawClient.Answer signedAnswer(String path, RawClient.Answer answer) {
        raw.assertSigned(path, answer);
        return answer;
    }

    private static RawClient.Answer unsignedAnswer(RawClient.Answer answer) {
        raw.assertUnsigned(answer);
        return answer;
    }

    @Test
    void unknown_client_id_is_invalid_client() {
        RawClient.Answer answer = unsignedAnswer(raw.send(PAY, payBody("v-1"), "application/json", "SANDBOX_NOBODY", true, "1"));
        assertEquals("INVALID_CLIENT", answer.resultCode());
        assertEquals("F", answer.json().path("result").path("resultStatus").asText());
    }

    @Test
    void cancel_spells_an_unknown_client_the_way_its_page_does() {
        String path = "/ams/api/v1/payments/cancel";
        RawClient.Answer answer = unsignedAnswer(raw.send(path, "{\"paymentId\":\"x\"}", "application/json", "SANDBOX_NOBODY", true, "1"));
        assertEquals("CLIENT_INVALID", answer.resultCode());
    }

    @Test
    void missing_client_id_is_invalid_client() {
        RawClient.Answer answer = raw.send(PAY, payBody("v-2"), "application/json", null, false, "1");
        assertEquals(200, answer.status());
        assertEquals("INVALID_CLIENT", answer.resultCode());
    }

    @Test
    void missing_signature_is_invalid_signature() {
        RawClient.Answer answer = unsignedAnswer(raw.send(PAY, payBody("v-3"), "application/json", antom.clientId(), false, "1"));
        assertEquals("INVALID_SIGNATURE", answer.resultCode());
    }

    @Test
    void a_signature_over_another_body_is_invalid_signature() {
        String path = "/ams/sandbox/api/v1/payments/inquiryPayment";
        RawClient.Answer intact = raw.send(path, "{\"paymentId\":\"x\"}", "application/json", antom.clientId(), true, "1");
        assertEquals("ORDER_NOT_EXIST", intact.resultCode(), "control: the same request signed over itself passes");
        RawClient.Answer tampered = unsignedAnswer(raw.send(path, "{\"paymentId\":\"x\"}", "{\"paymentId\":\"y\"}",
                "application/json", antom.clientId(), true, "1"));
        assertEquals("INVALID_SIGNATURE", tampered.resultCode());
    }

    @Test
    void an_unknown_key_version_is_key_not_found() {
        RawClient.Answer answer = unsignedAnswer(raw.send(PAY, payBody("v-4"), "application/json", antom.clientId(), true, "7"));
        assertEquals("KEY_NOT_FOUND", answer.resultCode());
    }

    @Test
    void a_non_post_method_is_method_not_supported() {
        var response = raw.get(antom.baseUrl() + PAY);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("METHOD_NOT_SUPPORTED"), response.body());
        assertTrue(response.headers().firstValue("signature").isEmpty(), "the gateway's own refusal is unsigned");
    }

    @Test
    void a_non_json_content_type_is_media_type_not_acceptable() {
        RawClient.Answer answer = unsignedAnswer(raw.send(PAY, payBody("v-5"), "text/plain", antom.clientId(), true, "1"));
        assertEquals("MEDIA_TYPE_NOT_ACCEPTABLE", answer.resultCode());
    }

    @Test
    void an_unknown_path_is_no_interface_def() {
        String path = "/ams/sandbox/api/v1/payments/createPaymentSession";
        RawClient.Answer answer = unsignedAnswer(raw.post(path, "{}"));
        assertEquals("NO_INTERFACE_DEF", answer.resultCode());
        String wrongVersion = "/ams/api/v2/payments/pay";
        assertEquals("NO_INTERFACE_DEF", unsignedAnswer(raw.post(wrongVersion, payBody("v-6"))).resultCode());
    }

    @Test
    void the_gateways_refusals_can_be_signed_like_every_other_answer() {
        try (AntomSimulator signing = AntomSimulator.builder().unsignedGatewayErrors(false).build().start()) {
            RawClient client = new RawClient(signing);
            RawClient.Answer answer = client.send(PAY, payBody("v-signed"), "application/json", signing.clientId(), false, "1");
            client.assertSigned(PAY, answer);
            assertEquals("INVALID_SIGNATURE", answer.resultCode());
        }
    }

    @Test
    void a_body_that_is_not_json_is_param_illegal() {
        RawClient.Answer answer = signedAnswer(PAY, raw.post(PAY, "paymentRequestId=1"));
        assertEquals("PARAM_ILLEGAL", answer.resultCode());
    }

    @Test
    void both_the_live_and_the_sandbox_paths_serve() {
        String live = "/ams/api/v1/payments/pay";
        assertEquals("PAYMENT_IN_PROCESS", signedAnswer(live, raw.post(live, payBody("v-live"))).resultCode());
        assertEquals("PAYMENT_IN_PROCESS", signedAnswer(PAY, raw.post(PAY, payBody("v-sandbox"))).resultCode());
    }

    @Test
    void native_booleans_and_numbers_are_accepted_like_strings() {
        ObjectNode body = Requests.pay("v-lenient-1", "4200", "MANUAL");
        ((ObjectNode) body.get("paymentFactor")).put("isAuthorization", "true");
        ((ObjectNode) body.get("env")).put("timeZoneOffset", 480);
        ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", false);
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", body).path("result").path("resultCode").asText());
        ObjectNode strings = Requests.pay("v-lenient-2", "4200", "MANUAL");
        ((ObjectNode) strings.get("env")).put("timeZoneOffset", "480");
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", strings).path("result").path("resultCode").asText());
    }

    // ---------------------------------------------------------------- PARAM_ILLEGAL naming the field

    private static void assertIllegal(String field, Consumer<ObjectNode> bend) {
        ObjectNode body = Requests.pay("v-bad-" + field.hashCode() + "-" + System.nanoTime(), "4200", "AUTOMATIC");
        bend.accept(body);
        JsonNode answer = raw.call("pay", body);
        assertEquals("PARAM_ILLEGAL", answer.path("result").path("resultCode").asText(), answer.toString());
        String message = answer.path("result").path("resultMessage").asText();
        assertTrue(message.startsWith(field), "the message names " + field + ": " + message);
    }

    @Test
    void missing_required_fields_are_named() {
        assertIllegal("productCode", body -> body.remove("productCode"));
        assertIllegal("paymentRequestId", body -> body.remove("paymentRequestId"));
        assertIllegal("paymentAmount", body -> body.remove("paymentAmount"));
        assertIllegal("order", body -> body.remove("order"));
        assertIllegal("order.referenceOrderId", body -> ((ObjectNode) body.get("order")).remove("referenceOrderId"));
        assertIllegal("paymentMethod.paymentMethodType", body -> ((ObjectNode) body.get("paymentMethod")).remove("paymentMethodType"));
        assertIllegal("paymentRedirectUrl", body -> body.remove("paymentRedirectUrl"));
        assertIllegal("env", body -> body.remove("env"));
        assertIllegal("env.terminalType", body -> ((ObjectNode) body.get("env")).remove("terminalType"));
    }

    @Test
    void amounts_must_be_positive_integer_strings_in_a_known_currency() {
        for (String bad : new String[] {"42.00", "-1", "0", "abc", "", "12345678901234567"}) {
            assertIllegal("paymentAmount.value", body -> ((ObjectNode) body.get("paymentAmount")).put("value", bad));
        }
        assertIllegal("paymentAmount.currency", body -> ((ObjectNode) body.get("paymentAmount")).put("currency", "XYZ"));
        assertIllegal("paymentAmount.currency", body -> ((ObjectNode) body.get("paymentAmount")).put("currency", "DOLLARS"));
    }

    @Test
    void ids_over_64_characters_are_refused() {
        assertIllegal("paymentRequestId", body -> body.put("paymentRequestId", "x".repeat(65)));
        assertIllegal("order.referenceOrderId", body -> ((ObjectNode) body.get("order")).put("referenceOrderId", "y".repeat(65)));
    }

    @Test
    void enumerations_dates_urls_and_types_are_checked() {
        assertIllegal("env.terminalType", body -> ((ObjectNode) body.get("env")).put("terminalType", "TV"));
        assertIllegal("paymentFactor.captureMode", body -> ((ObjectNode) body.get("paymentFactor")).put("captureMode", "LATER"));
        assertIllegal("paymentExpiryTime", body -> body.put("paymentExpiryTime", "tomorrow"));
        assertIllegal("paymentExpiryTime", body -> body.put("paymentExpiryTime", "2001-01-01T00:00:00+08:00"));
        assertIllegal("paymentRedirectUrl", body -> body.put("paymentRedirectUrl", "not a url"));
        assertIllegal("paymentFactor.isAuthorization", body -> ((ObjectNode) body.get("paymentFactor")).put("isAuthorization", "yes"));
        assertIllegal("env.timeZoneOffset", body -> ((ObjectNode) body.get("env")).put("timeZoneOffset", 900));
        assertIllegal("productCode", body -> body.put("productCode", "SOMETHING"));
    }

    @Test
    void other_apis_validate_their_fields() {
        assertEquals("PARAM_ILLEGAL", raw.call("inquiryPayment", "{}").path("result").path("resultCode").asText());
        JsonNode capture = raw.call("capture", Requests.capture("c-1", "p", "SGD", "4.2"));
        assertTrue(capture.path("result").path("resultMessage").asText().startsWith("captureAmount.value"), capture.toString());
        JsonNode refund = raw.call("refund", "{\"paymentId\":\"p\",\"refundAmount\":{\"currency\":\"SGD\",\"value\":\"1\"}}");
        assertTrue(refund.path("result").path("resultMessage").asText().startsWith("refundRequestId"), refund.toString());
        assertEquals("PARAM_ILLEGAL", raw.call("inquiryRefund", "{}").path("result").path("resultCode").asText());
        assertEquals("PARAM_ILLEGAL", raw.call("cancel", "{}").path("result").path("resultCode").asText());
        assertEquals("PARAM_ILLEGAL", raw.call("consult", "{\"productCode\":\"CASHIER_PAYMENT\"}").path("result").path("resultCode").asText());
        JsonNode consult = raw.call("consult", "{\"productCode\":\"CASHIER_PAYMENT\",\"paymentAmount\":{\"currency\":\"SGD\","
                + "\"value\":\"100\"}}");
        assertTrue(consult.path("result").path("resultMessage").asText().startsWith("env"),
                "consult requires env, as its API reference says: " + consult);
    }

    @Test
    void a_cards_custom_expiry_must_be_less_than_ten_minutes_after_the_request() {
        assertIllegal("paymentExpiryTime", body -> body.put("paymentExpiryTime",
                org.payengine.simulator.wire.AntomTime.format(antom.now().plus(java.time.Duration.ofMinutes(11)))));
        ObjectNode nineMinutes = Requests.pay("v-expiry-9", "4200", "AUTOMATIC");
        nineMinutes.put("paymentExpiryTime",
                org.payengine.simulator.wire.AntomTime.format(antom.now().plus(java.time.Duration.ofMinutes(9))));
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", nineMinutes).path("result").path("resultCode").asText());
    }
}
