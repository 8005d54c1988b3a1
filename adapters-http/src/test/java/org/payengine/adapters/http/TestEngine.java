package org.payengine.adapters.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.testing.FakePaymentGateway;
import org.payengine.application.testing.InMemoryAuditLog;
import org.payengine.application.testing.InMemoryCardTokens;
import org.payengine.application.testing.InMemoryDatabase;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.InMemoryIdempotencyKeys;
import org.payengine.application.testing.InMemoryNotificationInbox;
import org.payengine.application.testing.InMemoryOrderListing;
import org.payengine.application.testing.InMemoryOrders;
import org.payengine.application.testing.InMemoryTransactions;
import org.payengine.application.testing.SequentialIds;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.GetRefund;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.ListPayments;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;

/**
 * The real HTTP server on a free loopback port, in front of the real use cases over the application's in-memory
 * ports, the fake Antom gateway, a test clock and a scripted notification decoder. The store can be switched
 * "down".
 */
final class TestEngine implements AutoCloseable {

    static final String API_KEY = "test-api-key-0123456789";
    static final String ROTATED_API_KEY = "rotated-api-key-9876543210";

    final InMemoryDatabase database = new InMemoryDatabase();
    final StoreOutage store = new StoreOutage(new InMemoryTransactions(database));
    final InMemoryOrders orders = new InMemoryOrders(database);
    final InMemoryNotificationInbox inbox = new InMemoryNotificationInbox(database);
    final InMemoryCardTokens cardTokens = new InMemoryCardTokens(database);
    final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    final TestClock clock = new TestClock(InMemoryEngine.START);
    final FakePaymentGateway antom = new FakePaymentGateway(clock);
    final ScriptedNotificationDecoder decoder = new ScriptedNotificationDecoder();
    /** What the gateway's health reports; a test adds alarms. */
    final List<GatewayHealth.Alarm> gatewayAlarms = new CopyOnWriteArrayList<>();
    final HttpMetrics metrics;
    final PayEngineHttpServer server;
    final EngineClient client;

    TestEngine() {
        this(settings -> settings, newMetrics(), gateway -> gateway);
    }

    /** A registry of the test's own, exposed as the standalone engine exposes its own. */
    static HttpMetrics newMetrics() {
        return HttpMetrics.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    TestEngine(UnaryOperator<HttpSettings> settings, HttpMetrics metrics, UnaryOperator<PaymentGateway> gatewayInFront) {
        this.metrics = metrics;
        PaymentGateway gateway = gatewayInFront.apply(antom);
        SequentialIds ids = new SequentialIds();
        EngineUseCases useCases = new EngineUseCases(
                new CreateOrGetOrder(store, orders, clock),
                new StartPayment(store, orders, cardTokens, gateway, ids, clock),
                new GetOrder(store, orders),
                new ListOrders(new InMemoryOrderListing(database)),
                new GetPayment(store, orders),
                new ListPayments(new InMemoryOrderListing(database)),
                new SyncPayment(store, orders, cardTokens, gateway, clock),
                new CapturePayment(store, orders, cardTokens, gateway, ids, clock),
                new CancelPayment(store, orders, cardTokens, gateway, clock),
                new RefundPayment(store, orders, cardTokens, gateway, ids, clock),
                new GetRefund(store, orders),
                new ListPaymentMethods(gateway),
                new HandleNotification(decoder, store, inbox, orders, cardTokens, clock),
                new ExecuteOnce(idempotencyKeys, clock),
                store, () -> List.copyOf(gatewayAlarms), new InMemoryAuditLog(database), cardTokens, clock);
        HttpSettings base = HttpSettings.of("127.0.0.1", 0, List.of(API_KEY, ROTATED_API_KEY),
                URI.create("http://shop.test:8080/")).withDemoPages(true);
        this.server = new PayEngineHttpServer(settings.apply(base), useCases, metrics);
        server.start();
        this.client = new EngineClient(server.localUrl(), API_KEY);
    }

    /** Creates an order of SGD 42.00 for buyer {@code buyer-7}. */
    EngineClient.Answer createOrder(String referenceOrderId) {
        return client.post("/v1/orders", """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"},
                 "description":"Two T-shirts","buyer":{"referenceBuyerId":"buyer-7"}}""".formatted(referenceOrderId));
    }

    /** Starts a payment of the order on Antom's hosted page; returns the new payment request id. */
    String startPayment(String referenceOrderId, String captureMode) {
        EngineClient.Answer started = client.post("/v1/orders/" + referenceOrderId + "/payments", """
                {"captureMode":"%s","redirectUrl":"https://shop.example/result","terminalType":"WEB",
                 "clientIp":"203.0.113.9"}""".formatted(captureMode));
        if (started.status() != 201) {
            throw new AssertionError("payment not started: " + started);
        }
        return started.json().path("paymentRequestId").asText();
    }

    /** An order whose payment the buyer completed on the hosted page, and the engine learned it by a sync. */
    String paidOrder(String referenceOrderId, String captureMode) {
        createOrder(referenceOrderId);
        String paymentRequestId = startPayment(referenceOrderId, captureMode);
        antom.buyerPays(org.payengine.domain.id.PaymentRequestId.of(paymentRequestId));
        EngineClient.Answer synced = client.post("/v1/payments/" + paymentRequestId + "/sync");
        if (synced.status() != 200) {
            throw new AssertionError("sync failed: " + synced);
        }
        return paymentRequestId;
    }

    @Override
    public void close() {
        server.stop(java.time.Duration.ofSeconds(5));
    }
}
