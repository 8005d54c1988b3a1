package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API over HTTP, exactly as the design fixes it, and off when asked. */
class ControlApiTest {

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

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RawClient.JSON.readTree(response.body());
    }

    @Test
    void complete_then_view_a_payment() throws Exception {
        String paymentId = raw.call("pay", Requests.pay("ctl-1", "4200", "MANUAL")).path("paymentId").asText();
        HttpResponse<String> completed = raw.postJson(antom.baseUrl() + "/sandbox/payments/" + paymentId + "/complete",
                "{\"cardNumber\":\"4054695723100768\",\"saveCard\":true}");
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals("SUCCESS", json(completed).path("paymentStatus").asText());
        JsonNode view = json(raw.get(antom.baseUrl() + "/sandbox/payments/" + paymentId));
        assertEquals("ctl-1", view.path("paymentRequestId").asText());
        assertEquals("MANUAL", view.path("captureMode").asText());
        assertTrue(view.path("cardToken").isTextual());
        assertTrue(view.path("notifications").isArray());
        HttpResponse<String> again = raw.postJson(antom.baseUrl() + "/sandbox/payments/" + paymentId + "/complete",
                "{\"cardNumber\":\"4054695723100768\"}");
        assertEquals(409, again.statusCode());
        assertEquals("PAYMENT_NOT_PAYABLE", json(again).path("error").path("code").asText());
    }

    @Test
    void unknown_payments_and_bad_input_are_clear_errors() throws Exception {
        HttpResponse<String> missing = raw.get(antom.baseUrl() + "/sandbox/payments/nope");
        assertEquals(404, missing.statusCode());
        assertEquals("PAYMENT_NOT_FOUND", json(missing).path("error").path("code").asText());
        String paymentId = raw.call("pay", Requests.pay("ctl-2", "4200", "MANUAL")).path("paymentId").asText();
        HttpResponse<String> bad = raw.postJson(antom.baseUrl() + "/sandbox/payments/" + paymentId + "/complete", "{}");
        assertEquals(400, bad.statusCode());
        assertEquals(400, raw.postJson(antom.baseUrl() + "/sandbox/clock/advance", "{\"seconds\":-5}").statusCode());
    }

    @Test
    void the_clock_advances() throws Exception {
        OffsetDateTime before = OffsetDateTime.parse(json(raw.get(antom.baseUrl() + "/sandbox/clock")).path("now").asText());
        HttpResponse<String> advanced = raw.postJson(antom.baseUrl() + "/sandbox/clock/advance", "{\"seconds\":3600}");
        OffsetDateTime after = OffsetDateTime.parse(json(advanced).path("now").asText());
        assertTrue(Duration.between(before, after).toSeconds() >= 3600);
    }

    @Test
    void faults_are_armed_listed_and_cleared() throws Exception {
        HttpResponse<String> armed = raw.postJson(antom.baseUrl() + "/sandbox/faults",
                "{\"fault\":\"DUPLICATE_NOTIFICATION\",\"count\":2,\"notifyType\":\"PAYMENT_RESULT\"}");
        assertEquals(200, armed.statusCode(), armed.body());
        JsonNode list = json(armed).path("armed");
        assertEquals("DUPLICATE_NOTIFICATION", list.get(0).path("fault").asText());
        assertEquals(2, list.get(0).path("count").asInt());
        HttpResponse<String> refused = raw.postJson(antom.baseUrl() + "/sandbox/faults", "{\"fault\":\"EXPLODE\"}");
        assertEquals(400, refused.statusCode());
        assertTrue(json(refused).path("error").path("message").asText().contains("HTTP_5XX"));
        assertEquals(400, raw.postJson(antom.baseUrl() + "/sandbox/faults", "{\"fault\":\"HANG\",\"api\":\"nothing\"}").statusCode());
        raw.postJson(antom.baseUrl() + "/sandbox/faults", "{\"fault\":\"HTTP_5XX\",\"api\":\"pay\",\"httpStatus\":502}");
        assertEquals(2, antom.armedFaults().size());
        assertEquals(2, json(raw.get(antom.baseUrl() + "/sandbox/faults")).path("armed").size());
        HttpResponse<String> cleared = raw.delete(antom.baseUrl() + "/sandbox/faults");
        assertEquals(0, json(cleared).path("armed").size());
        assertTrue(antom.armedFaults().isEmpty());
    }

    @Test
    void without_control_the_sandbox_paths_are_not_served() {
        try (AntomSimulator quiet = AntomSimulator.builder().control(false).build().start()) {
            assertEquals(404, new RawClient(quiet).get(quiet.baseUrl() + "/sandbox/clock").statusCode());
        }
    }
}
