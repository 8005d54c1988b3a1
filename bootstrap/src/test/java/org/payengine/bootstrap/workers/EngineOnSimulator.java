package org.payengine.bootstrap.workers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.payengine.adapters.antom.AntomNotificationDecoder;
import org.payengine.adapters.antom.AntomPaymentGateway;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.http.HttpMetrics;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.http.ServerPorts;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.Clock;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.testing.RecordingEventSink;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.SettleRefunds;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.UseCases;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.WorkerRun;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.embedded.EngineStores;
import org.payengine.bootstrap.embedded.RandomIds;
import org.payengine.bootstrap.embedded.wiring.DaggerEmbeddableComponent;
import org.payengine.bootstrap.embedded.wiring.EmbeddableComponent;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.payments.PaymentView;

/**
 * One engine node made of its real parts — the H2 store, the Antom adapter over HTTP, the HTTP server that takes
 * Antom's notifications, and the background workers — against the Antom simulator, with time simulated on both
 * sides: the engine's clock is the simulator's (which runs on in real time), so {@link #advance} moves both at
 * once and they never disagree about a deadline. The workers run only when a test calls {@link #run}.
 */
final class EngineOnSimulator implements AutoCloseable {

    static final String SUCCESS_CARD = "4054695723100768";
    static final Money AMOUNT = Money.of("SGD", 4200);
    private static final String API_KEY = "test-api-key-0123456789";

    final Clock clock;
    final AntomSimulator antom;
    final Database database;
    final RecordingEventSink sink = new RecordingEventSink();
    /** The engine's use cases, wired by the embeddable component on the parts above. */
    final UseCases useCases;
    /** The refunds' own settling step (the workers' job), for the tests that take it by hand. */
    final SettleRefunds settleRefunds;
    final BackgroundWorkers workers;
    private final PayEngineHttpServer server;

    EngineOnSimulator(Path dataDirectory) {
        this(dataDirectory, WorkerSettings.defaults().withoutJitter());
    }

    EngineOnSimulator(Path dataDirectory, WorkerSettings settings) {
        antom = AntomSimulator.builder().port(0).build().start();
        clock = antom::now;
        database = Database.open(DatabaseSettings.embeddedUnder(dataDirectory));
        database.migrate();

        int port = freePort();
        AntomSettings antomSettings = AntomSettings.builder()
                .clientId(antom.clientId())
                .merchantPrivateKey(antom.merchantPrivateKey())
                .antomPublicKey(antom.antomPublicKey())
                .endpoint(antom.baseUrl())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .notifyUrl("http://127.0.0.1:" + port + PayEngineHttpServer.NOTIFICATION_PATH)
                .build();
        AntomPaymentGateway gateway = AntomPaymentGateway.create(antomSettings);
        EngineStores stores = new EngineStores(database.transactions(), database.orders(), database.auditLog(),
                database.outbox(), database.notificationInbox(), database.cardTokens(), database.orderListing(),
                database.dueWork());
        EmbeddableComponent component = DaggerEmbeddableComponent.builder()
                .stores(stores)
                .paymentGateway(gateway)
                .notificationDecoder(AntomNotificationDecoder.create(antomSettings))
                .eventSink(sink)
                .clock(clock)
                .ids(new RandomIds())
                .workers(settings)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        useCases = component;
        settleRefunds = new SettleRefunds(stores.transactions(), stores.orders(), stores.cardTokens(), gateway, clock,
                component.callBudget());
        server = new PayEngineHttpServer(HttpSettings.of("127.0.0.1", port, List.of(API_KEY),
                URI.create("http://127.0.0.1:" + port)), useCases, new ServerPorts(
                new ExecuteOnce(database.idempotencyKeys(), clock), database.storeHealth(), gateway.health(),
                database.auditLog(), database.cardTokens(), clock),
                HttpMetrics.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        server.start();
        workers = new BackgroundWorkers(settings, stores.transactions(), stores.orders(), stores.dueWork(),
                stores.outbox(), sink, clock, component.callBudget(), useCases.getPayment(), useCases.syncPayment(),
                useCases.capturePayment(), useCases.cancelPayment(), settleRefunds, useCases.remediateDuplicate(),
                WorkerProgress.NOT_REPORTED, new Random(5));
    }

    /** Moves time forward on both sides; whatever falls due at Antom happens. */
    void advance(Duration by) {
        antom.advanceClock(by);
        settle();
    }

    /** Moves time forward on both sides to {@code instant} (never backwards). */
    void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.now(), instant);
        if (!ahead.isNegative()) {
            advance(ahead);
        }
    }

    /** Waits until the simulator has nothing in flight (e.g. the notifications it just sent were answered). */
    void settle() {
        if (!antom.awaitIdle(Duration.ofSeconds(30))) {
            throw new AssertionError("the simulator did not settle within 30 s");
        }
    }

    WorkerRun run(String worker) {
        return workers.worker(worker).runOnce(clock.now());
    }

    /** Creates the order if needed and starts a payment of it. */
    PaymentAttempt startPayment(String orderId, CaptureMode mode) {
        useCases.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(ReferenceOrderId.of(orderId), AMOUNT,
                "Two coffees", Buyer.withId("buyer-1"), List.of()));
        return useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of(orderId), PaymentOptions.hostedCard(
                "https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"))
                .captureMode(mode).build())).value();
    }

    /** The buyer pays on Antom's hosted page with this card; Antom's notifications follow. */
    void buyerPays(PaymentRequestId attempt, String card) {
        antom.completePayment(attempt(attempt).paymentId().value(), card, false);
        settle();
    }

    PaymentAttempt attempt(PaymentRequestId id) {
        return useCases.getPayment().get(id).orElseThrow();
    }

    PaymentView atAntom(PaymentRequestId id) {
        return antom.payment(attempt(id).paymentId().value()).orElseThrow();
    }

    List<DomainEvent> events(String orderId) {
        return database.outbox().eventsOf(ReferenceOrderId.of(orderId));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(10));
        server.stop(Duration.ofSeconds(1));
        antom.close();
        database.close();
    }
}
