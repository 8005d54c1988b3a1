package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * {@code POST /notifications/antom}: no API key, the signature decides; Antom's acknowledgement only once the
 * fact is stored; a forged notification changes nothing; one about an unknown payment is kept and not
 * acknowledged, so Antom sends it again.
 */
class NotificationEndpointTest {

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
        engine.store.contended(false);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void a_verified_notification_is_stored_applied_and_then_acknowledged_with_antoms_body() {
        engine.createOrder("notified-1");
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment("notified-1", "AUTOMATIC"));
        String body = notification(payment, engine.antom.buyerPays(payment));

        EngineClient.Answer answer = notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(ScriptedNotificationDecoder.ACKNOWLEDGEMENT, answer.body(), "Antom's exact acknowledgement");
        assertEquals("PAID", client.get("/v1/orders/notified-1").json().path("status").asText());
        assertEquals(InboxEntry.InboxStatus.PROCESSED, inboxEntry(body).status());
    }

    @Test
    void the_decoder_gets_the_method_path_headers_and_exact_body_bytes() {
        engine.createOrder("notified-bytes-1");
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment("notified-bytes-1", "AUTOMATIC"));
        String body = "{ \"notifyType\" : \"PAYMENT_RESULT\",\n\t\"note\":\"Zahlung \u00fcber \u20ac\", \"id\":\""
                + payment + "\" }  ";
        engine.decoder.script(body, engine.antom.buyerPays(payment));

        notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        RawNotification received = last(engine.decoder.received());
        assertEquals("POST", received.method());
        assertEquals("/notifications/antom", received.path());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), received.body());
        assertEquals("my-client-id", received.header("client-id").orElseThrow());
        assertEquals("2025-03-01T18:00:00+08:00", received.header("Request-Time").orElseThrow());
    }

    @Test
    void a_notification_is_acknowledged_only_once_stored_a_store_outage_is_503_and_antom_retries() {
        answered503UntilStorable("notified-outage-1", engine.store::down, "STORE_UNAVAILABLE");
    }

    @Test
    void a_conflict_still_there_after_the_last_retry_is_503_and_antom_retries() {
        answered503UntilStorable("notified-contended-1", engine.store::contended, "BUSY");
    }

    /** While {@code unstorable} is switched on, the notification is answered 503 and nothing changes; resent, it is applied. */
    private static void answered503UntilStorable(String orderId, Consumer<Boolean> unstorable, String errorCode) {
        engine.createOrder(orderId);
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment(orderId, "AUTOMATIC"));
        String body = notification(payment, engine.antom.buyerPays(payment));
        unstorable.accept(true);

        EngineClient.Answer refused = notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(503, refused.status(), refused::toString);
        assertEquals(errorCode, refused.errorCode());
        assertFalse(refused.body().contains("SUCCESS"), "no acknowledgement");
        unstorable.accept(false);
        assertTrue(engine.inbox.find(dedupKey(body)).isEmpty(), "nothing stored");
        assertEquals("OPEN", client.get("/v1/orders/" + orderId).json().path("status").asText());

        EngineClient.Answer resent = notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(200, resent.status(), resent::toString);
        assertEquals(ScriptedNotificationDecoder.ACKNOWLEDGEMENT, resent.body());
        assertEquals("PAID", client.get("/v1/orders/" + orderId).json().path("status").asText());
    }

    @Test
    void a_bad_signature_is_401_and_changes_nothing() {
        engine.createOrder("forged-1");
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment("forged-1", "AUTOMATIC"));
        String body = notification(payment, engine.antom.buyerPays(payment));
        String before = client.get("/v1/orders/forged-1").body();

        EngineClient.Answer forged = notify(body, "algorithm=RSA256,keyVersion=1,signature=forged");
        EngineClient.Answer unsigned = client.send(client.request("/notifications/antom")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(401, forged.status(), forged::toString);
        assertEquals("BAD_SIGNATURE", forged.errorCode());
        assertEquals(401, unsigned.status(), unsigned::toString);
        assertEquals(before, client.get("/v1/orders/forged-1").body(), "the order is as it was");
        assertTrue(engine.inbox.find(dedupKey(body)).isEmpty(), "not even the inbox changed");
        assertEquals(2.0, engine.metrics.registry().get("payengine.notification.verifications.failed")
                .tag("reason", "BAD_SIGNATURE").counter().count());
    }

    @Test
    void a_notification_about_an_unknown_payment_is_stored_unmatched_and_not_acknowledged() {
        PaymentRequestId unknown = PaymentRequestId.of("pay-not-started-here");
        String body = notification(unknown, List.of(new PaymentSucceeded(unknown, PaymentId.of("antom-pay-1"),
                Money.of("SGD", 4200), engine.clock.now(), null, CardFacts.NONE)));

        EngineClient.Answer answer = notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(409, answer.status(), answer::toString);
        assertEquals("NOT_APPLICABLE_YET", answer.errorCode());
        assertEquals(InboxEntry.InboxStatus.UNMATCHED, inboxEntry(body).status(), "kept, to be applied later");
    }

    @Test
    void a_notification_body_over_the_cap_is_413_and_never_decoded() {
        int decoded = engine.decoder.received().size();

        EngineClient.Answer answer = notify("{\"x\":\"" + "y".repeat(70 * 1024) + "\"}",
                ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(413, answer.status(), answer::toString);
        assertEquals(decoded, engine.decoder.received().size());
    }

    @Test
    void a_resent_notification_is_acknowledged_again_without_applying_it_twice() {
        engine.createOrder("notified-twice-1");
        PaymentRequestId payment = PaymentRequestId.of(engine.startPayment("notified-twice-1", "AUTOMATIC"));
        String body = notification(payment, engine.antom.buyerPays(payment));
        notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);
        String after = client.get("/v1/orders/notified-twice-1").body();

        EngineClient.Answer again = notify(body, ScriptedNotificationDecoder.VALID_SIGNATURE);

        assertEquals(200, again.status());
        assertEquals(ScriptedNotificationDecoder.ACKNOWLEDGEMENT, again.body());
        assertEquals(after, client.get("/v1/orders/notified-twice-1").body());
    }

    private static String notification(PaymentRequestId payment, List<Fact> facts) {
        String body = "{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"" + payment + "\"}";
        engine.decoder.script(body, facts);
        return body;
    }

    private static EngineClient.Answer notify(String body, String signature) {
        return client.send(client.request("/notifications/antom")
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("client-id", "my-client-id")
                .header("Request-Time", "2025-03-01T18:00:00+08:00")
                .header("signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String dedupKey(String body) {
        return "test:" + body.hashCode();
    }

    private static InboxEntry inboxEntry(String body) {
        return engine.inbox.find(dedupKey(body)).orElseThrow(() -> new AssertionError("not in the inbox: " + body));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
