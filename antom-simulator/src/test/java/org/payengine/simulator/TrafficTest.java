package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.traffic.CallStats;

/** The gateway's traffic through the control API: calls counted per API, per-client rate limits, answer latency. */
class TrafficTest {

    private AntomSimulator antom;
    private RawClient raw;

    @BeforeEach
    void start() {
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterEach
    void stop() {
        antom.stop();
    }

    private JsonNode control(String method, String path, String body) {
        HttpResponse<String> response = "GET".equals(method) ? raw.get(antom.baseUrl() + path)
                : "DELETE".equals(method) ? raw.delete(antom.baseUrl() + path) : raw.postJson(antom.baseUrl() + path, body);
        assertEquals(200, response.statusCode(), response.body());
        return org.payengine.simulator.wire.Json.parseOrNull(response.body());
    }

    @Test
    void stats_count_the_calls_received_per_api_and_reset() {
        raw.call("pay", Requests.pay("stats-1", "4200", "AUTOMATIC"));
        raw.call("pay", Requests.pay("stats-2", "4200", "AUTOMATIC"));
        raw.call("inquiryPayment", Requests.byPaymentRequestId("stats-1"));

        JsonNode stats = control("GET", "/sandbox/stats", null);

        assertEquals(2, stats.path("apis").path("pay").path("calls").asLong());
        assertEquals(1, stats.path("apis").path("inquiryPayment").path("calls").asLong());
        assertEquals(3, stats.path("calls").asLong());
        assertEquals(0, stats.path("rateLimited").asLong());
        assertEquals(0, control("DELETE", "/sandbox/stats", null).path("calls").asLong());
    }

    @Test
    void a_call_over_its_clients_limit_is_refused_with_antoms_code_and_not_carried_out() {
        JsonNode limits = control("POST", "/sandbox/limits", "{\"api\":\"pay\",\"perSecond\":0.001}");
        assertEquals("pay", limits.path("limits").path(0).path("api").asText());

        JsonNode first = raw.call("pay", Requests.pay("limit-1", "4200", "AUTOMATIC"));
        RawClient.Answer second = raw.post("/ams/sandbox/api/v1/payments/pay",
                Requests.pay("limit-2", "4200", "AUTOMATIC").toString());

        assertEquals("PAYMENT_IN_PROCESS", first.path("result").path("resultCode").asText(), "within the limit");
        assertEquals("REQUEST_TRAFFIC_EXCEED_LIMIT", second.resultCode());
        assertEquals("U", second.json().path("result").path("resultStatus").asText());
        assertEquals("ORDER_NOT_EXIST", raw.call("inquiryPayment", Requests.byPaymentRequestId("limit-2"))
                .path("result").path("resultCode").asText(), "a rate-limited pay created nothing");
        CallStats.Snapshot stats = antom.stats();
        assertEquals(2, stats.apis().get("pay").calls());
        assertEquals(1, stats.apis().get("pay").rateLimited());
        assertEquals(1, control("GET", "/sandbox/stats", null).path("apis").path("pay").path("rateLimited").asLong());
    }

    @Test
    void the_limit_is_per_client_and_can_be_lifted() {
        antom.limit("inquiryPayment", 0.001);
        raw.call("inquiryPayment", Requests.byPaymentRequestId("anything"));
        RawClient.Answer stranger = raw.send("/ams/sandbox/api/v1/payments/inquiryPayment", "{\"paymentRequestId\":\"x\"}",
                "application/json", "SANDBOX_SOMEONE_ELSE", true, "1");
        assertEquals("INVALID_CLIENT", stranger.resultCode(), "another client has a limit of its own");
        assertEquals("REQUEST_TRAFFIC_EXCEED_LIMIT", raw.post("/ams/sandbox/api/v1/payments/inquiryPayment",
                "{\"paymentRequestId\":\"x\"}").resultCode());

        control("POST", "/sandbox/limits", "{\"api\":\"inquiryPayment\",\"perSecond\":null}");

        assertEquals("ORDER_NOT_EXIST", raw.post("/ams/sandbox/api/v1/payments/inquiryPayment",
                "{\"paymentRequestId\":\"x\"}").resultCode());
    }

    @Test
    void limits_and_latencies_name_what_is_wrong() {
        HttpResponse<String> unknownApi = raw.postJson(antom.baseUrl() + "/sandbox/limits", "{\"api\":\"payy\",\"perSecond\":5}");
        assertEquals(400, unknownApi.statusCode());
        assertTrue(unknownApi.body().contains("api must be one of"), unknownApi.body());
        HttpResponse<String> negative = raw.postJson(antom.baseUrl() + "/sandbox/latency", "{\"api\":\"pay\",\"millis\":-1}");
        assertEquals(400, negative.statusCode());
    }

    @Test
    void an_apis_answers_are_held_for_its_latency() {
        JsonNode latencies = control("POST", "/sandbox/latency", "{\"api\":\"pay\",\"millis\":300}");
        assertEquals(300, latencies.path("latencies").path(0).path("millis").asLong());

        Instant sent = Instant.now();
        JsonNode answer = raw.call("pay", Requests.pay("latency-1", "4200", "AUTOMATIC"));

        assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText());
        assertTrue(!Duration.between(sent, Instant.now()).minusMillis(300).isNegative(), "answered no sooner than 300 ms");
        assertEquals(0, control("DELETE", "/sandbox/latency", null).path("latencies").size());
    }
}
