package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.wire.AntomTime;

/**
 * The JSON samples of Antom's hosted-mode guide round-trip: its requests are accepted as they are,
 * and the simulator's answers and notifications carry every field of its response samples, with
 * the same JSON types and value formats (datetimes with offset, amounts and digit ids as strings).
 *
 * <p>One deliberate difference: the guide's {@code threeDSResult} spells {@code caav}; the SDK's
 * model and the API reference spell {@code cavv}, which is what the simulator sends.
 */
class GuideSamplesTest {

    private static final Map<String, String> SPELLING = Map.of("caav", "cavv");
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";

    private AntomSimulator antom;
    private RawClient raw;
    private MerchantEndpoint merchant;

    @BeforeEach
    void start() {
        merchant = new MerchantEndpoint();
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterEach
    void stop() {
        antom.stop();
        merchant.close();
    }

    private static ObjectNode sample(String name) {
        try (InputStream in = GuideSamplesTest.class.getResourceAsStream("/guide-samples/" + name)) {
            return (ObjectNode) RawClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }

    /** Every field of {@code sample} is in {@code actual} with the same JSON type and value format. */
    static void assertSameShape(JsonNode sample, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("", sample, actual, problems);
        assertTrue(problems.isEmpty(), problems + "\nactual: " + actual);
    }

    private static void compare(String path, JsonNode sample, JsonNode actual, List<String> problems) {
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            problems.add(path + " is missing");
            return;
        }
        if (sample.getNodeType() != actual.getNodeType()) {
            problems.add(path + " is " + actual.getNodeType() + ", the sample has " + sample.getNodeType());
            return;
        }
        if (sample.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = sample.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = SPELLING.getOrDefault(field.getKey(), field.getKey());
                compare(path + "." + name, field.getValue(), actual.get(name), problems);
            }
        } else if (sample.isArray() && !sample.isEmpty()) {
            if (actual.isEmpty()) {
                problems.add(path + " is empty");
            } else {
                compare(path + "[0]", sample.get(0), actual.get(0), problems);
            }
        } else if (sample.isTextual()) {
            String expected = sample.textValue();
            String value = actual.textValue();
            if (expected.matches(DATETIME) && !value.matches(DATETIME)) {
                problems.add(path + " = " + value + " is not an ISO 8601 datetime with offset");
            }
            if (expected.matches("[0-9]+") && !value.matches("[0-9]+")) {
                problems.add(path + " = " + value + " is not a string of digits");
            }
        }
    }

    private ObjectNode guidePayRequest() {
        ObjectNode request = sample("pay-request.json");
        request.put("paymentNotifyUrl", merchant.url());
        request.with("paymentFactor").put("captureMode", "MANUAL");
        return request;
    }

    @Test
    void the_guides_pay_request_is_accepted_as_it_is() {
        ObjectNode request = sample("pay-request.json");
        request.put("paymentNotifyUrl", merchant.url());
        JsonNode answer = raw.call("pay", request);
        assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText(), answer.toString());
        assertNotNull(answer.get("normalUrl"));
        ObjectNode expected = sample("pay-response.json");
        expected.remove("paymentResultInfo");
        expected.remove("result");
        assertSameShape(expected, answer);
    }

    @Test
    void a_synchronous_pay_success_has_the_shape_of_the_guides_pay_response() {
        String first = raw.call("pay", guidePayRequest()).path("paymentId").asText();
        String token = antom.completePayment(first, "4054695723100768", true).cardToken();
        ObjectNode request = guidePayRequest();
        request.put("paymentRequestId", "paymentRequestId012");
        ObjectNode method = request.with("paymentMethod");
        method.put("paymentMethodId", token);
        method.putObject("paymentMethodMetaData").put("isCardOnFile", true).put("recurringType", "UNSCHEDULED");
        JsonNode answer = raw.call("pay", request);
        assertEquals("SUCCESS", answer.path("result").path("resultCode").asText());
        assertSameShape(sample("pay-response.json"), answer);
    }

    @Test
    void the_guides_inquiry_and_capture_round_trip_with_their_response_and_notification_shapes() {
        ObjectNode pay = guidePayRequest();
        pay.put("paymentRequestId", "paymentRequestId01");
        pay.with("paymentMethod").putObject("paymentMethodMetaData").put("is3DSAuthentication", true);
        String paymentId = raw.call("pay", pay).path("paymentId").asText();
        antom.completePayment(paymentId, "5162774114974622", false);

        JsonNode inquiry = raw.call("inquiryPayment", sample("inquiry-request.json"));
        assertSameShape(sample("inquiry-response-3ds.json"), inquiry);
        assertSameShape(sample("inquiry-response.json"), inquiry);
        assertEquals("02", inquiry.path("paymentResultInfo").path("threeDSResult").path("eci").asText(), "Mastercard full authentication");

        ObjectNode capture = Requests.capture("captureRequestId01", paymentId, "SGD", "4200");
        JsonNode captured = raw.call("capture", capture);
        assertSameShape(sample("capture-response.json"), captured);
        assertSameShape(sample("inquiry-capture-transactions.json"), raw.call("inquiryPayment", sample("inquiry-request.json")));

        antom.awaitIdle(Duration.ofSeconds(10));
        List<MerchantEndpoint.Received> received = merchant.received();
        JsonNode paymentNotification = body(received, "PAYMENT_RESULT");
        assertSameShape(sample("notify-payment-3ds.json"), paymentNotification);
        assertSameShape(sample("notify-payment.json"), paymentNotification);
        assertSameShape(sample("notify-capture-success.json"), body(received, "CAPTURE_RESULT"));
    }

    @Test
    void a_failed_capture_notification_has_the_guides_failure_shape() {
        String paymentId = raw.call("pay", guidePayRequest()).path("paymentId").asText();
        antom.completePayment(paymentId, "4000020000000091", false);
        raw.call("capture", Requests.capture("captureRequestId01", paymentId, "SGD", "4200"));
        antom.advanceClock(Duration.ofSeconds(60));
        JsonNode notification = body(merchant.received(), "CAPTURE_RESULT");
        assertSameShape(sample("notify-capture-failed.json"), notification);
        assertEquals("PROCESS_FAIL", notification.path("result").path("resultCode").asText());
        assertSameShape(sample("inquiry-capture-transactions.json"), raw.call("inquiryPayment", Requests.byPaymentId(paymentId)));
    }

    @Test
    void the_guides_expiry_sample_is_accepted_with_its_expiry_moved_into_the_future() {
        ObjectNode request = sample("pay-expiry-request.json");
        request.put("paymentExpiryTime", AntomTime.format(antom.now().plus(Duration.ofMinutes(5))));
        request.put("paymentNotifyUrl", merchant.url());
        JsonNode answer = raw.call("pay", request);
        assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText(), answer.toString());
        antom.advanceClock(Duration.ofMinutes(5));
        assertEquals("ORDER_IS_CLOSED", raw.call("inquiryPayment", Requests.byPaymentId(answer.path("paymentId").asText()))
                .path("paymentResultCode").asText());
    }

    private static JsonNode body(List<MerchantEndpoint.Received> received, String notifyType) {
        return received.stream().map(r -> {
            try {
                return RawClient.JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(json -> notifyType.equals(json.path("notifyType").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + notifyType + " among " + received.size() + " notifications"));
    }
}
