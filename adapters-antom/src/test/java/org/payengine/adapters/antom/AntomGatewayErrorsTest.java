package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.domain.id.PaymentRequestId;

/**
 * What Antom's gateway answers by itself — unsigned, as the gateway sends its errors — and Antom's
 * "slow down": a gateway refusal is a definite refusal with its code (and an alarm naming the setting
 * to fix when it is about the configuration), an unsigned claim of anything more is unknown, and rate
 * limiting is unknown and marked so.
 */
class AntomGatewayErrorsTest {

    private final ScriptedHttpServer antom = ScriptedHttpServer.http();
    private final AntomPaymentGateway gateway = AntomPaymentGateway.create(antom.antomSettings().build());

    @AfterEach
    void stop() {
        antom.close();
    }

    @Test
    void an_unsigned_invalid_signature_refuses_the_payment_with_its_code_and_names_the_key_to_check() {
        answerUnsigned("F", "INVALID_SIGNATURE");

        GatewayOutcome.Refused<?> refused = assertInstanceOf(GatewayOutcome.Refused.class, pay());

        assertEquals("INVALID_SIGNATURE", refused.code().value());
        GatewayHealth.Alarm alarm = onlyAlarm();
        assertEquals("pay", alarm.operation());
        assertEquals("INVALID_SIGNATURE", alarm.code());
        assertTrue(alarm.settings().contains("merchantPrivateKey"), alarm.settings().toString());
        assertTrue(alarm.meaning().contains("Antom Dashboard"), alarm.meaning());
    }

    @Test
    void an_unknown_client_id_names_the_client_id() {
        answerUnsigned("F", "KEY_NOT_FOUND");
        assertInstanceOf(GatewayOutcome.Refused.class, pay());
        assertEquals("clientId", onlyAlarm().settings().get(0));

        answerUnsigned("F", "INVALID_CLIENT");
        assertInstanceOf(GatewayOutcome.Refused.class, pay());
        assertEquals("INVALID_CLIENT", onlyAlarm().code());
    }

    @Test
    void the_alarm_stays_while_antom_refuses_and_clears_with_antoms_next_signed_answer() {
        answerUnsigned("F", "ACCESS_DENIED");
        pay();
        pay();
        assertEquals("ACCESS_DENIED", onlyAlarm().code());

        antom.answerSigned("{\"result\":{\"resultCode\":\"PAYMENT_IN_PROCESS\",\"resultStatus\":\"U\"},\"paymentId\":\"p-1\","
                + "\"normalUrl\":\"https://antom.example/page\"}", TestKeys.ANTOM);
        SimulatorFixture.completed(pay());

        assertEquals(List.of(), gateway.health().alarms());
    }

    @Test
    void a_signed_gateway_error_about_the_configuration_raises_the_alarm_too() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"NO_INTERFACE_DEF\",\"resultStatus\":\"F\"}}", TestKeys.ANTOM);

        assertInstanceOf(GatewayOutcome.Refused.class, pay());
        assertTrue(onlyAlarm().settings().contains("sandbox"));
    }

    @Test
    void an_unsigned_illegal_parameter_is_refused_without_an_alarm() {
        answerUnsigned("F", "PARAM_ILLEGAL");

        assertInstanceOf(GatewayOutcome.Refused.class, pay());
        assertEquals(List.of(), gateway.health().alarms());
    }

    @Test
    void an_unsigned_refusal_that_only_payment_processing_gives_is_unknown_never_a_failure() {
        answerUnsigned("F", "ORDER_NOT_EXIST");

        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class,
                gateway.inquirePayment(new PaymentInquiry(PaymentRequestId.of("mine"), null)));

        assertTrue(unknown.sameRequestMayBeResent());
        assertTrue(unknown.reason().contains("not trusted"), unknown.reason());
        assertFalse(unknown.rateLimited());
    }

    @Test
    void an_unsigned_unknown_stays_unknown() {
        answerUnsigned("U", "UNKNOWN_EXCEPTION");

        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, pay());

        assertTrue(unknown.sameRequestMayBeResent(), "Antom advises resending the same request");
        assertFalse(unknown.rateLimited());
    }

    @Test
    void an_unsigned_success_is_unknown() {
        antom.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200,
                "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},\"paymentId\":\"p-1\"}", Map.of()));

        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, pay());

        assertTrue(unknown.reason().contains("UNSIGNED_ANSWER"), unknown.reason());
    }

    @Test
    void traffic_exceeding_the_limit_is_rate_limited_signed_unsigned_or_as_http_429() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"REQUEST_TRAFFIC_EXCEED_LIMIT\",\"resultStatus\":\"U\"}}",
                TestKeys.ANTOM);
        assertRateLimited(pay());

        answerUnsigned("U", "REQUEST_TRAFFIC_EXCEED_LIMIT");
        assertRateLimited(pay());

        antom.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 429, "", Map.of()));
        assertRateLimited(pay());
    }

    private static void assertRateLimited(GatewayOutcome<?> outcome) {
        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, outcome, outcome.toString());
        assertTrue(unknown.rateLimited(), unknown.toString());
        assertTrue(unknown.sameRequestMayBeResent(), unknown.toString());
    }

    private GatewayOutcome<?> pay() {
        return gateway.pay(SimulatorFixture.request("4200", SimulatorFixture.hosted().build()));
    }

    private GatewayHealth.Alarm onlyAlarm() {
        List<GatewayHealth.Alarm> alarms = gateway.health().alarms();
        assertEquals(1, alarms.size(), alarms.toString());
        return alarms.get(0);
    }

    /** As Antom's gateway answers its own errors: HTTP 200, a result, no signature and no response-time. */
    private void answerUnsigned(String status, String code) {
        antom.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, "{\"result\":{\"resultCode\":\""
                + code + "\",\"resultStatus\":\"" + status + "\",\"resultMessage\":\"" + code.toLowerCase() + "\"}}",
                Map.of()));
    }
}
