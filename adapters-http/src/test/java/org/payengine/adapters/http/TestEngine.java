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
import org.payengine.application.testing.InMemoryCardTokens;
import org.payengine.application.testing.InMemoryComponent;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.InMemoryIdempotencyKeys;
import org.payengine.application.testing.InMemoryNotificationInbox;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.ExecuteOnce;

/**
 * The real HTTP server on a free loopback port, in front of the in-memory engine's use cases (the fake Antom gateway,
 * a test clock) with a scripted notification decoder. The store can be switched
 * "down".
 */
final class TestEngine implements AutoCloseable {

    static final String API_KEY = "test-api-key-0123456789";
    static final String ROTATED_API_KEY = "rotated-api-key-9876543210";

    /** The in-memory ports, the fake Antom gateway and the test clock the use cases run on. */
    final InMemoryEngine ports = new InMemoryEngine();
    final StoreOutage store = new StoreOutage(ports.transactions);
    final InMemoryNotificationInbox inbox = ports.inbox;
    final InMemoryCardTokens cardTokens = ports.cardTokens;
    final TestClock clock = ports.clock;
    final FakePaymentGateway antom = ports.gateway;
    final ScriptedNotificationDecoder decoder = new ScriptedNotificationDecoder();
    /** What the gateway's health reports; a test adds alarms. */
    final List<GatewayHealth.Alarm> gatewayAlarms = new CopyOnWriteArrayList<>();
    final HttpMetrics metrics;
    /** The call budget the use cases share: it admits every call until a test asks it to slow down. */
    final CallBudget callBudget;
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
        InMemoryComponent useCases = ports.wiring()
                .transactions(store)
                .paymentGateway(gatewayInFront.apply(antom))
                .notificationDecoder(decoder)
                .build();
        this.callBudget = useCases.callBudget();
        ServerPorts serverPorts = new ServerPorts(new ExecuteOnce(new InMemoryIdempotencyKeys(), clock), store,
                () -> List.copyOf(gatewayAlarms), ports.auditLog, cardTokens, clock);
        HttpSettings base = HttpSettings.of("127.0.0.1", 0, List.of(API_KEY, ROTATED_API_KEY),
                URI.create("http://shop.test:8080/")).withDemoPages(true);
        this.server = new PayEngineHttpServer(settings.apply(base), useCases, serverPorts, metrics);
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
