package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.simulator.AntomSimulator;

/**
 * The engine when Antom lets a declined buyer try another card on the hosted page (a simulator option: Antom's
 * documentation leaves it open whether a decline ends the payment): the decline is no failure of the attempt, which
 * stays pending while the buyer may still pay, ends paid when another card succeeds, and fails with the decline's
 * code only once Antom closes the payment at its expiry.
 */
class BuyerRetriesAfterDeclineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECLINED = "4054692760174822";
    private static final String GOOD = "4054695723100768";

    private static AntomSimulator antom;

    @BeforeAll
    static void startAntom() {
        antom = AntomSimulator.builder().port(0).buyerRetriesAfterDecline(true).build().start();
    }

    @AfterAll
    static void stopAntom() {
        antom.close();
    }

    @Test
    void a_decline_leaves_the_attempt_pending_and_the_next_card_pays_it(@TempDir Path data) throws Exception {
        StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(environment(data)));
        try {
            URI base = engine.localUrl();
            JsonNode attempt = startPayment(base, "retry-paid-1");

            antom.completePayment(attempt.path("paymentId").asText(), DECLINED, false);
            assertEquals("PENDING", sync(base, attempt).path("status").asText(), "the buyer may still pay");

            antom.completePayment(attempt.path("paymentId").asText(), GOOD, false);
            assertEquals("CAPTURED", syncUntil(base, attempt, "CAPTURED").path("status").asText());
        } finally {
            engine.stop();
        }
    }

    @Test
    void a_declined_buyer_who_gives_up_fails_the_attempt_with_the_declines_code_when_antom_closes_it(@TempDir Path data)
            throws Exception {
        StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(environment(data)));
        try {
            URI base = engine.localUrl();
            JsonNode attempt = startPayment(base, "retry-given-up-1");
            antom.completePayment(attempt.path("paymentId").asText(), DECLINED, false);
            assertEquals("PENDING", sync(base, attempt).path("status").asText());

            antom.advanceClock(Duration.ofMinutes(15));
            JsonNode closed = syncUntil(base, attempt, "FAILED"); // the buyer's next return asks Antom again

            assertEquals("FAILED", closed.path("status").asText(), closed.toString());
            assertEquals("DO_NOT_HONOR", closed.path("resultCode").asText());
            JsonNode order = JSON.readTree(Http.getAuthorized(base.resolve("/v1/orders/retry-given-up-1"),
                    ServeEnvironment.API_KEY).body());
            assertEquals("OPEN", order.path("status").asText(), "the merchant may start another attempt");
        } finally {
            engine.stop();
        }
    }

    private static JsonNode startPayment(URI base, String orderId) throws Exception {
        Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                "{\"referenceOrderId\":\"" + orderId + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");
        JsonNode attempt = JSON.readTree(Http.postJson(base.resolve("/v1/orders/" + orderId + "/payments"),
                ServeEnvironment.API_KEY, "{\"captureMode\":\"AUTOMATIC\",\"redirectUrl\":\"https://shop.example/r\","
                        + "\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}").body());
        assertEquals("PENDING", attempt.path("status").asText(), attempt.toString());
        return attempt;
    }

    /** The engine as {@code serve} runs it; a buyer's returns one second apart count as new returns. */
    private static Map<String, String> environment(Path data) {
        Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, data));
        environment.put("PAYENGINE_FOLLOW_UP_BUYER_GAP_SECONDS", "1");
        return environment;
    }

    /** The buyer comes back again and again (bounded) until the engine shows {@code status}. */
    private static JsonNode syncUntil(URI base, JsonNode attempt, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode seen = sync(base, attempt);
        while (!seen.path("status").asText().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = sync(base, attempt);
        }
        return seen;
    }

    private static JsonNode sync(URI base, JsonNode attempt) throws Exception {
        return JSON.readTree(Http.postJson(base.resolve("/v1/payments/" + attempt.path("paymentRequestId").asText()
                + "/sync"), ServeEnvironment.API_KEY, "").body());
    }
}
