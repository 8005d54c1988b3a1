package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.OrderSummary;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.RecordingEventSink;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.event.RefundCompleted;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.AntomSimulator;
import org.payengine.bootstrap.embedded.PayEngine;
import org.payengine.bootstrap.embedded.EngineStores;

/** The engine as a Java application embeds it: real H2, the real Antom adapter, the simulator as Antom. */
class PayEngineEmbeddingTest {

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
    void an_embedded_engine_takes_an_order_to_paid_and_tells_the_application(@TempDir Path data) {
        RecordingEventSink sink = new RecordingEventSink();
        try (PayEngine engine = PayEngine.builder()
                .database(DatabaseSettings.embeddedUnder(data))
                .antom(simulatorSettings())
                .eventSink(sink)
                .workers(WorkerSettings.defaults().withEnabled(false)) // each step by hand, publishing included
                .build()) {
            ReferenceOrderId orderId = ReferenceOrderId.of("embedded-1");
            engine.useCases().createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(orderId, Money.of("SGD", 4200),
                    "A teapot", null, null));

            PaymentAttempt started = engine.useCases().startPayment().start(new StartPayment.Command(orderId, hostedCard()))
                    .value();
            assertEquals(AttemptStatus.PENDING, started.status());
            assertNotNull(started.redirectUrl(), "the hosted page to send the buyer to");

            antom.completePayment(started.paymentId().value(), "4054695723100768", false);
            PaymentAttempt synced = engine.useCases().syncPayment().sync(started.id()).value().attempt();
            int published = 0;
            for (int round = engine.useCases().publishEvents().publishDue(100); round > 0;
                 round = engine.useCases().publishEvents().publishDue(100)) {
                published += round; // the outbox hands out one event per order at a time, in order
            }

            assertEquals(AttemptStatus.CAPTURED, synced.status());
            assertEquals(OrderStatus.PAID, engine.useCases().getOrder().get(orderId).orElseThrow().status());
            assertTrue(published > 0);
            List<DomainEvent> events = sink.delivered();
            assertTrue(events.stream().anyMatch(event -> event instanceof OrderPaid), events::toString);

            var refunded = engine.useCases().refundPayment().refund(RefundPayment.Command.byMerchant(started.id(),
                    Money.of("SGD", 4200), "returned")).value();
            while (engine.useCases().publishEvents().publishDue(100) > 0) {
                // every event of the order, in order
            }

            assertEquals(RefundStatus.SUCCEEDED, refunded.refund().status());
            assertEquals(refunded.refund(), engine.useCases().getRefund().get(refunded.refund().requestId()).orElseThrow().refund());
            assertEquals(OrderStatus.REFUNDED, engine.useCases().getOrder().get(orderId).orElseThrow().status());
            RefundCompleted told = sink.delivered().stream().filter(RefundCompleted.class::isInstance)
                    .map(RefundCompleted.class::cast).findFirst().orElseThrow(() -> new AssertionError(sink.delivered()));
            assertEquals("refund.succeeded", told.type());
            assertTrue(told.fullyRefunded());
        }
    }

    @Test
    void an_embedded_engine_puts_its_figures_in_the_hosts_registry_and_counts_what_its_sink_refuses(@TempDir Path data) {
        SimpleMeterRegistry hostRegistry = new SimpleMeterRegistry();
        try (PayEngine engine = PayEngine.builder()
                .database(DatabaseSettings.embeddedUnder(data))
                .antom(simulatorSettings())
                .eventSink(event -> {
                    throw new IllegalStateException("the shop is not ready for events yet");
                })
                .meterRegistry(hostRegistry)
                .workers(WorkerSettings.defaults().withEnabled(false)) // each step by hand
                .build()) {
            ReferenceOrderId orderId = ReferenceOrderId.of("embedded-metrics-1");
            engine.useCases().createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(orderId, Money.of("SGD", 4200),
                    "A teapot", null, null));
            PaymentAttempt started = engine.useCases().startPayment().start(new StartPayment.Command(orderId, hostedCard()))
                    .value();
            antom.completePayment(started.paymentId().value(), "4054695723100768", false);
            engine.useCases().syncPayment().sync(started.id());

            assertEquals(0, engine.useCases().publishEvents().publishDue(100), "the sink refused every event");

            assertEquals(1.0, hostRegistry.get("payengine.event.deliveries.failed").counter().count());
            assertEquals(1.0, hostRegistry.get("payengine.payment.attempts").tag("status", "CAPTURED").gauge().value());
            assertTrue(hostRegistry.get("payengine.outbox.backlog").gauge().value() > 0, "the events wait");
            assertNotNull(hostRegistry.find("hikaricp.connections.active").gauge(), "the engine's pool's figures");
        }
    }

    @Test
    void custom_adapters_replace_the_database_and_antom_without_touching_the_engine() {
        InMemoryEngine custom = new InMemoryEngine();
        try (PayEngine engine = PayEngine.builder()
                .stores(new EngineStores(custom.transactions, custom.orders, custom.auditLog, custom.outbox,
                        custom.inbox, custom.cardTokens, custom.orderListing, custom.dueWork))
                .paymentGateway(custom.gateway)
                .notificationDecoder(notification -> new NotificationDecoding.Rejected(
                        NotificationDecoding.Reason.BAD_SIGNATURE, "this gateway sends no notifications"))
                .eventSink(custom.sink)
                .clock(custom.clock)
                .ids(custom.ids)
                .workers(WorkerSettings.defaults().withEnabled(false)) // this test takes each step by hand
                .build()) {
            ReferenceOrderId orderId = ReferenceOrderId.of("custom-1");
            engine.useCases().createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(orderId, Money.of("JPY", 1500),
                    null, null, null));

            PaymentAttempt started = engine.useCases().startPayment().start(new StartPayment.Command(orderId, hostedCard()))
                    .value();
            custom.gateway.buyerPays(started.id());
            engine.useCases().syncPayment().sync(started.id());

            assertEquals(OrderStatus.PAID, engine.useCases().getOrder().get(orderId).orElseThrow().status());
            assertEquals(List.of(orderId), engine.useCases().listOrders().list(ListOrders.Query.newest(10)).orders().stream()
                    .map(OrderSummary::id).toList(), "the host's stores list the orders too");
            assertEquals(1, custom.gateway.requests(PaymentRequest.class).size());
            assertEquals(1, custom.gateway.requests(PaymentInquiry.class).size());
        }
    }

    @Test
    void the_builder_names_everything_missing_at_once() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> PayEngine.builder().build());

        assertTrue(failure.getMessage().contains(
                "storage: give exactly one of database(...), dataSource(...) or stores(...);"), failure.getMessage());
        assertTrue(failure.getMessage().contains("gateway: give antom(...)"));
        assertTrue(failure.getMessage().contains("eventSink: required"));
    }

    private static AntomSettings simulatorSettings() {
        return AntomSettings.builder()
                .clientId(antom.clientId())
                .merchantPrivateKey(antom.merchantPrivateKey())
                .antomPublicKey(antom.antomPublicKey())
                .endpoint(antom.baseUrl())
                .sandbox(true)
                .build();
    }

    private static PaymentOptions hostedCard() {
        return PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).build();
    }
}
