package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
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
 * {@code serve} with a merchant key or a client id that Antom does not accept, against the simulator, whose gateway
 * answers such requests the way Antom's does (unsigned, with its code): the first payment fails with the gateway's
 * code — it is not left unknown and retried for ever — and {@code /health} says which setting to fix.
 */
class WrongAntomCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AntomSimulator antom;

    @BeforeAll
    static void startAntom() {
        antom = AntomSimulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopAntom() {
        antom.close();
    }

    @Test
    void a_merchant_key_antom_does_not_know_fails_the_first_payment_and_health_names_the_key(@TempDir Path data)
            throws Exception {
        Map<String, String> environment = ServeEnvironment.of(antom, data);
        environment.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", anotherPrivateKey());

        Outcome outcome = firstPayment(environment, "wrong-key-1");

        assertEquals("FAILED", outcome.payment().path("status").asText(), outcome.payment().toString());
        assertEquals("INVALID_SIGNATURE", outcome.payment().path("resultCode").asText());
        JsonNode alarm = outcome.alarm("INVALID_SIGNATURE");
        assertTrue(alarm.path("settings").toString().contains("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY"), alarm.toString());
        assertTrue(alarm.path("meaning").asText().contains("Antom Dashboard"), alarm.toString());
        assertNoAttemptUnknown(outcome.order());
    }

    @Test
    void a_client_id_antom_does_not_know_fails_the_first_payment_and_health_names_the_client_id(@TempDir Path data)
            throws Exception {
        Map<String, String> environment = ServeEnvironment.of(antom, data);
        environment.put("PAYENGINE_ANTOM_CLIENT_ID", "SANDBOX_NOBODY_KNOWS_ME");

        Outcome outcome = firstPayment(environment, "wrong-client-1");

        assertEquals("FAILED", outcome.payment().path("status").asText(), outcome.payment().toString());
        assertEquals("INVALID_CLIENT", outcome.payment().path("resultCode").asText());
        assertTrue(outcome.alarm("INVALID_CLIENT").path("settings").toString().contains("PAYENGINE_ANTOM_CLIENT_ID"));
        assertNoAttemptUnknown(outcome.order());
    }

    /** What the merchant sees: the payment the API answered, the order afterwards, and {@code /health}. */
    private record Outcome(JsonNode payment, JsonNode order, JsonNode health) {
        JsonNode alarm(String code) {
            assertEquals("DEGRADED", health.path("status").asText(), health.toString());
            assertEquals("REFUSED", health.path("checks").path("antom").asText(), health.toString());
            for (JsonNode alarm : health.path("alarms")) {
                if (code.equals(alarm.path("code").asText()) && "pay".equals(alarm.path("operation").asText())) {
                    return alarm;
                }
            }
            throw new AssertionError("no alarm " + code + " for pay in " + health);
        }
    }

    private static Outcome firstPayment(Map<String, String> environment, String orderId) throws Exception {
        StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(environment));
        try {
            URI base = engine.localUrl();
            HttpResponse<String> health = Http.get(base.resolve("/health"));
            assertEquals("UP", JSON.readTree(health.body()).path("status").asText(), "nothing refused yet: " + health.body());
            Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                    "{\"referenceOrderId\":\"" + orderId + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");
            HttpResponse<String> payment = Http.postJson(base.resolve("/v1/orders/" + orderId + "/payments"),
                    ServeEnvironment.API_KEY, "{\"captureMode\":\"AUTOMATIC\",\"redirectUrl\":\"https://shop.example/r\","
                            + "\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}");
            HttpResponse<String> order = Http.getAuthorized(base.resolve("/v1/orders/" + orderId), ServeEnvironment.API_KEY);
            return new Outcome(JSON.readTree(payment.body()), JSON.readTree(order.body()),
                    JSON.readTree(Http.get(base.resolve("/health")).body()));
        } finally {
            engine.stop();
        }
    }

    private static void assertNoAttemptUnknown(JsonNode order) {
        assertEquals(1, order.path("payments").size(), order.toString());
        for (JsonNode attempt : order.path("payments")) {
            assertFalse("UNKNOWN".equals(attempt.path("status").asText()), order.toString());
        }
        assertEquals("OPEN", order.path("status").asText(), "the order can be paid once the setting is fixed");
    }

    /** A valid merchant key whose public half Antom (the simulator) was never given. */
    private static String anotherPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    }
}
