package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.antom.SimulatorFixture.completed;
import static org.payengine.adapters.antom.SimulatorFixture.hosted;
import static org.payengine.adapters.antom.SimulatorFixture.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationDecoding.Accepted;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.NotificationDecoding.Rejected;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;

/** Notifications from the simulator — sent by it, or signed with its Antom key through the SDK — decode. */
class SimulatorNotificationTest {

    @RegisterExtension
    static final SimulatorFixture fixture = new SimulatorFixture();

    @Test
    void the_simulators_payment_and_capture_notifications_are_accepted_and_acknowledged() {
        PaymentInProcess created = completed(fixture.gateway.pay(request("4200", hosted().build())));
        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.SUCCESS_VISA, false);
        fixture.antom.advanceClock(Duration.ofSeconds(10));
        assertTrue(fixture.antom.awaitIdle(Duration.ofSeconds(10)));

        List<Fact> facts = acceptedFactsAbout(created);
        PaymentSucceeded paid = (PaymentSucceeded) facts.stream().filter(PaymentSucceeded.class::isInstance)
                .findFirst().orElseThrow(() -> new AssertionError("no PAYMENT_RESULT decoded: " + facts));
        assertEquals("VISA", paid.card().brand());
        assertTrue(facts.stream().anyMatch(CaptureSucceeded.class::isInstance), "automatic capture is notified: " + facts);
        assertTrue(fixture.antom.payment(created.paymentId().value()).orElseThrow().notifications().stream()
                .allMatch(notification -> notification.state().equals("ACKNOWLEDGED")), "Antom got its acknowledgement");
    }

    @Test
    void a_declined_payment_is_notified_as_a_failure() {
        PaymentInProcess created = completed(fixture.gateway.pay(request("4200", hosted().build())));
        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.DECLINED_VISA, false);
        fixture.antom.advanceClock(Duration.ofSeconds(10));
        assertTrue(fixture.antom.awaitIdle(Duration.ofSeconds(10)));

        assertTrue(acceptedFactsAbout(created).stream().anyMatch(PaymentFailed.class::isInstance));
    }

    @Test
    void signed_with_the_simulators_antom_key_through_the_sdk_it_is_accepted_and_every_tampering_refused() {
        String antomKey = Base64.getEncoder().encodeToString(fixture.antom.keys().antomPrivateKey().getEncoded());
        String body = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success\"},\"paymentRequestId\":\"r-9\",\"paymentId\":\"p-9\","
                + "\"paymentAmount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}";
        Map<String, String> headers = new HashMap<>(SignedNotifications.headers(NotificationInboxServer.PATH, body, antomKey));
        headers.put("client-id", fixture.antom.clientId());
        headers.put("signature", "algorithm=RSA256,keyVersion=1,signature=" + sign(body, antomKey));

        assertInstanceOf(Accepted.class, decode("POST", NotificationInboxServer.PATH, headers, body));
        assertReason(Reason.BAD_SIGNATURE, decode("POST", NotificationInboxServer.PATH, headers, body.replace("4200", "1")));
        assertReason(Reason.BAD_SIGNATURE, decode("POST", "/elsewhere", headers, body));
        Map<String, String> wrongKey = new HashMap<>(headers);
        wrongKey.put("signature", "algorithm=RSA256,keyVersion=1,signature="
                + sign(body, TestKeys.base64PrivateKey(TestKeys.STRANGER)));
        assertReason(Reason.BAD_SIGNATURE, decode("POST", NotificationInboxServer.PATH, wrongKey, body));
        assertReason(Reason.MISSING_HEADER, decode("POST", NotificationInboxServer.PATH, without(headers, "signature"), body));
        assertReason(Reason.MALFORMED_HEADER, decode("POST", NotificationInboxServer.PATH,
                with(headers, "signature", "signature"), body));
        assertReason(Reason.MISSING_HEADER, decode("POST", NotificationInboxServer.PATH, without(headers, "request-time"), body));
        assertReason(Reason.MALFORMED_HEADER, decode("POST", NotificationInboxServer.PATH,
                with(headers, "request-time", "12:08"), body));
    }

    private static String sign(String body, String privateKey) {
        try {
            return com.alipay.global.api.tools.SignatureTool.sign("POST", NotificationInboxServer.PATH,
                    fixture.antom.clientId(), SignedNotifications.TIME, body, privateKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotificationDecoding decode(String method, String path, Map<String, String> headers, String body) {
        return fixture.decoder.decode(new RawNotification(method, path, headers, body.getBytes(StandardCharsets.UTF_8),
                Instant.now()));
    }

    private static void assertReason(Reason reason, NotificationDecoding decoding) {
        assertEquals(reason, assertInstanceOf(Rejected.class, decoding).reason(), decoding.toString());
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static List<Fact> acceptedFactsAbout(PaymentInProcess payment) {
        return fixture.inbox.decoded().stream()
                .map(decoding -> assertInstanceOf(Accepted.class, decoding, decoding.toString()))
                .flatMap(accepted -> accepted.facts().stream())
                .filter(fact -> fact.describe().contains(payment.paymentId().value()))
                .toList();
    }
}
