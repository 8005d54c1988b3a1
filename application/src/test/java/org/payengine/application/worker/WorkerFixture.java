package org.payengine.application.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.ApplyPaymentFacts;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.StartPayment;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.domain.work.WorkKind;

/**
 * The whole engine in memory (test clock, fake Antom) with its background workers, which run only when a test calls
 * {@link #run}: time moves when the test moves it.
 */
final class WorkerFixture implements AutoCloseable {

    static final Money AMOUNT = Money.of("SGD", 4200);

    final InMemoryEngine engine = new InMemoryEngine();
    final List<String> progress = new ArrayList<>();
    final BackgroundWorkers workers;

    WorkerFixture() {
        this(settings());
    }

    WorkerFixture(WorkerSettings settings) {
        WorkerProgress recording = (worker, lag, backlog) -> {
            synchronized (progress) {
                progress.add(worker + " lag=" + lag + " backlog=" + backlog);
            }
        };
        workers = new BackgroundWorkers(settings, engine.transactions, engine.orders, engine.dueWork, engine.outbox,
                engine.sink, engine.clock, engine.useCases.callBudget(), engine.useCases.getPayment(),
                engine.useCases.syncPayment(), engine.useCases.capturePayment(), engine.useCases.cancelPayment(),
                engine.useCases.settleRefunds(), engine.useCases.remediateDuplicate(), recording, new Random(7));
    }

    /** The defaults, without jitter so that every next check is exact. */
    static WorkerSettings settings() {
        return WorkerSettings.defaults().withoutJitter().withNodeId("node-a");
    }

    Instant now() {
        return engine.clock.now();
    }

    void advance(Duration duration) {
        engine.clock.advance(duration);
    }

    /** Moves the clock to {@code instant} (never backwards). */
    void advanceTo(Instant instant) {
        if (instant.isAfter(now())) {
            engine.clock.set(instant);
        }
    }

    WorkerRun run(String worker) {
        return workers.worker(worker).runOnce(now());
    }

    PaymentAttempt attempt(PaymentRequestId id) {
        return engine.useCases.getPayment().get(id).orElseThrow();
    }

    Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt) {
        return engine.dueWork.dueAt(kind, attempt);
    }

    /** Creates the order and starts a payment (the fake Antom answers "in process" unless scripted otherwise). */
    PaymentAttempt start(String orderId, CaptureMode mode) {
        engine.useCases.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(ReferenceOrderId.of(orderId), AMOUNT,
                "Two coffees", Buyer.withId("buyer-1"), List.of()));
        return startAnother(orderId, mode);
    }

    PaymentAttempt startAnother(String orderId, CaptureMode mode) {
        PaymentOptions options = PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).captureMode(mode).build();
        return engine.useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of(orderId), options)).value();
    }

    /** Antom's notifications about these facts arrive and are applied. */
    void notified(List<Fact> facts) {
        engine.useCases.applyPaymentFacts().apply(new ApplyPaymentFacts.Command(facts, FactSource.NOTIFICATION));
    }

    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(10));
    }
}
