package org.payengine.adapters.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.Outbox;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.ApplyPaymentFacts;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.StartPayment;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.adapters.http.webhook.WebhookEventSink.WebhookNotDelivered;

class WebhookEventSinkTest {

    private static final String SECRET = "whsec-0123456789abcdefghijklmnop";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final OrderPaid PAID = new OrderPaid(new EventId(ReferenceOrderId.of("order-1"), 3, 0),
            NOW.minusSeconds(2), PaymentRequestId.of("pay-1"), PaymentId.of("202503011000001"),
            CaptureId.of("cap-9"), Money.of("SGD", 4200));

    private final MerchantReceiver merchant = new MerchantReceiver();
    private final TestClock clock = new TestClock(NOW);

    @AfterEach
    void close() {
        merchant.close();
    }

    @Test
    public void an_event_is_posted_as_json_with_its_id_type_and_a_signature_the_merchant_can_verify() throws Exception {
        sink(Duration.ofSeconds(5)).deliver(PAID);

        MerchantReceiver.Received request = merchant.received().get(0);
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("order-1#3.0", request.header(WebhookEventSink.EVENT_ID));
        assertEquals("order.paid", request.header(WebhookEventSink.EVENT_TYPE));
        assertEquals(Long.toString(NOW.getEpochSecond()), request.header(WebhookEventSink.TIMESTAMP));
        // the merchant's side, written from the documentation alone
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((request.header(WebhookEventSink.TIMESTAMP) + ".").getBytes(StandardCharsets.UTF_8));
        assertEquals("v1=" + HexFormat.of().formatHex(mac.doFinal(request.body())),
                request.header(WebhookEventSink.SIGNATURE));

        JsonNode json = new ObjectMapper().readTree(request.body());
        assertEquals("order-1#3.0", json.get("id").asText());
        assertEquals("order.paid", json.get("type").asText());
        assertEquals("2025-03-01T09:59:58Z", json.get("occurredAt").asText());
        assertEquals("order-1", json.get("referenceOrderId").asText());
        assertEquals("pay-1", json.at("/data/attempt").asText());
        assertEquals("202503011000001", json.at("/data/paymentId").asText());
        assertEquals("cap-9", json.at("/data/captureId").asText());
        assertEquals("SGD", json.at("/data/amount/currency").asText());
        assertEquals("4200", json.at("/data/amount/value").asText());
    }

    @Test
    public void an_answer_other_than_2xx_is_not_a_delivery() {
        merchant.answer(() -> 500);

        WebhookNotDelivered refused = assertThrows(WebhookNotDelivered.class, () -> sink(Duration.ofSeconds(5))
                .deliver(PAID));

        assertTrue(refused.getMessage().contains("HTTP 500"), refused.getMessage());
        assertTrue(refused.getMessage().contains("order-1#3.0"), refused.getMessage());
    }

    @Test
    public void an_endpoint_that_does_not_answer_in_time_is_not_a_delivery() {
        merchant.holdAnswers();

        assertThrows(WebhookNotDelivered.class, () -> sink(Duration.ofMillis(300)).deliver(PAID));
    }

    @Test
    public void an_endpoint_nobody_listens_at_is_not_a_delivery() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookEventSink sink = new WebhookEventSink(WebhookSettings.of(
                URI.create("http://127.0.0.1:" + closedPort + "/webhooks"), SECRET), clock);

        assertThrows(WebhookNotDelivered.class, () -> sink.deliver(PAID));
    }

    @Test
    public void through_the_outbox_a_refused_webhook_is_retried_later_and_the_orders_events_arrive_in_order() {
        InMemoryEngine engine = new InMemoryEngine();
        AtomicInteger calls = new AtomicInteger();
        merchant.answer(() -> calls.incrementAndGet() <= 2 ? 503 : 200);
        PublishEvents publish = new PublishEvents(engine.outbox, sink(engine.clock, Duration.ofSeconds(5)),
                engine.clock, new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0), 10, new Random(1));
        ReferenceOrderId order = paidOrder(engine);
        List<DomainEvent> stored = engine.outbox.eventsOf(order);

        for (int round = 0; round < 20 && merchant.received().size() < stored.size() + 2; round++) {
            publish.publishDue(10);
            engine.clock.advance(Duration.ofSeconds(5));
        }

        List<String> ids = merchant.received().stream().map(r -> r.header(WebhookEventSink.EVENT_ID)).toList();
        String first = stored.get(0).id().value();
        assertEquals(List.of(first, first, first), ids.subList(0, 3), "the first event again until taken");
        assertEquals(stored.stream().map(event -> event.id().value()).toList(), ids.subList(2, ids.size()));
    }

    @Test
    public void through_the_outbox_a_webhook_refused_every_time_is_dead_lettered_after_the_last_try() {
        InMemoryEngine engine = new InMemoryEngine();
        merchant.answer(() -> 410);
        PublishEvents publish = new PublishEvents(engine.outbox, sink(engine.clock, Duration.ofSeconds(5)),
                engine.clock, new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0), 3, new Random(1));
        ReferenceOrderId order = paidOrder(engine);

        for (int round = 0; round < 10; round++) {
            publish.publishDue(10);
            engine.clock.advance(Duration.ofMinutes(1));
        }

        List<Outbox.DeadLetter> dead = engine.outbox.deadLetters(100);
        assertEquals(engine.outbox.eventsOf(order), dead.stream().map(Outbox.DeadLetter::event).toList(),
                "each event set aside after its last try, and the next went ahead");
        assertTrue(dead.get(0).reason().contains("HTTP 410"), dead.get(0).reason());
        assertEquals(3, dead.get(0).attempts());
        assertEquals(3 * dead.size(), merchant.received().size());
    }

    private WebhookEventSink sink(Duration timeout) {
        return sink(clock, timeout);
    }

    private WebhookEventSink sink(TestClock at, Duration timeout) {
        return new WebhookEventSink(new WebhookSettings(merchant.url(), SECRET, timeout), at);
    }

    /** An order paid with automatic capture: authorized, captured, paid — three events. */
    private static ReferenceOrderId paidOrder(InMemoryEngine engine) {
        ReferenceOrderId id = ReferenceOrderId.of("order-1");
        engine.useCases.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(id, Money.of("SGD", 4200), null,
                Buyer.ANONYMOUS, List.of()));
        PaymentAttempt attempt = engine.useCases.startPayment().start(new StartPayment.Command(id, PaymentOptions.hostedCard(
                "https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, null))
                .captureMode(CaptureMode.AUTOMATIC).build())).value();
        engine.useCases.applyPaymentFacts().apply(new ApplyPaymentFacts.Command(engine.gateway.buyerPays(attempt.id()),
                FactSource.NOTIFICATION));
        return id;
    }
}
