package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.StartPayment;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.domain.work.WorkKind;

class LeasedWorkerTest {

    private static final Executor IN_TURN = Runnable::run;

    private final InMemoryEngine engine = new InMemoryEngine();
    private final WorkerSettings settings = WorkerFixture.settings();
    private final List<PaymentRequestId> worked = new ArrayList<>();

    @Test
    public void each_item_is_rescheduled_for_the_check_its_handler_names_and_lag_and_backlog_are_reported() {
        List<PaymentRequestId> due = pendingAttempts(3);
        engine.clock.advance(Duration.ofSeconds(10));
        LeasedWorker worker = worker(settingsWithBatch(2), (item, now) -> {
            worked.add(item.attempt());
            return DueItemHandler.Next.at(now.plusSeconds(7));
        });

        WorkerRun run = worker.runOnce(engine.clock.now());

        assertEquals(new WorkerRun(2, Duration.ofSeconds(10).plusMillis(3), 1), run, "the first item is the most overdue");
        assertEquals(due.subList(0, 2), worked);
        assertEquals(Optional.of(engine.clock.now().plusSeconds(7)), engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(0)));
    }

    @Test
    public void a_stopping_worker_finishes_the_item_in_hand_and_gives_the_others_back() {
        List<PaymentRequestId> due = pendingAttempts(3);
        Instant secondDue = engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(1)).orElseThrow();
        Instant thirdDue = engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(2)).orElseThrow();
        LeasedWorker[] self = new LeasedWorker[1];
        self[0] = worker(settings, (item, now) -> {
            worked.add(item.attempt());
            self[0].stop();
            return DueItemHandler.Next.at(now.plusSeconds(7));
        });

        WorkerRun run = self[0].runOnce(engine.clock.now());

        assertEquals(1, run.worked());
        assertEquals(List.of(due.get(0)), worked);
        assertEquals(Optional.of(secondDue), engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(1)), "due as before");
        assertEquals(Optional.of(thirdDue), engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(2)));
        assertEquals(WorkerRun.NOTHING_DUE, self[0].runOnce(engine.clock.now()), "a stopped worker claims nothing");
    }

    @Test
    public void an_item_whose_lease_is_half_gone_before_its_turn_is_given_back() {
        List<PaymentRequestId> due = pendingAttempts(2);
        Instant dueAt = engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(1)).orElseThrow();
        LeasedWorker worker = worker(settings, (item, now) -> {
            worked.add(item.attempt());
            engine.clock.advance(settings.lease().dividedBy(2).plusMillis(1));
            return DueItemHandler.Next.at(now.plusSeconds(7));
        });

        worker.runOnce(engine.clock.now());

        assertEquals(List.of(due.get(0)), worked);
        assertEquals(Optional.of(dueAt), engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(1)));
    }

    @Test
    public void an_item_whose_work_failed_is_tried_again_after_a_pause() {
        List<PaymentRequestId> due = pendingAttempts(1);
        LeasedWorker worker = worker(settings, (item, now) -> {
            throw new IllegalStateException("a bug");
        });

        WorkerRun run = worker.runOnce(engine.clock.now());

        assertEquals(1, run.worked());
        assertEquals(Optional.of(engine.clock.now().plus(LeasedWorker.ERROR_PAUSE)),
                engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, due.get(0)));
    }

    @Test
    public void work_that_outlasts_its_lease_keeps_the_item_by_renewing_the_lease() throws Exception {
        List<PaymentRequestId> due = pendingAttempts(1);
        WorkerSettings shortLease = settings.withLease(Duration.ofMillis(300));
        LeasedWorker worker = worker(shortLease, (item, now) -> {
            // the engine's clock passes the end of the first lease while the work still runs ...
            engine.clock.advance(Duration.ofSeconds(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // ... and the lease is renewed from it, so no other node can take the item meanwhile
            while (!engine.dueWork.dueAt(WorkKind.PAYMENT_RESULT, item.attempt()).orElseThrow()
                    .isAfter(engine.clock.now())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the lease was never renewed");
                }
                Thread.onSpinWait();
            }
            worked.add(item.attempt());
            assertEquals(List.of(), engine.dueWork.claim(WorkKind.PAYMENT_RESULT, engine.clock.now(), 10,
                    Duration.ofSeconds(1), "node-b"), "another node finds nothing to take");
            return DueItemHandler.Next.at(now.plusSeconds(7));
        });

        worker.runOnce(engine.clock.now());

        assertEquals(due, worked);
    }

    private LeasedWorker worker(WorkerSettings workerSettings, DueItemHandler handler) {
        return new LeasedWorker("test", WorkKind.PAYMENT_RESULT, handler, engine.dueWork, engine.clock, workerSettings,
                IN_TURN);
    }

    private WorkerSettings settingsWithBatch(int batch) {
        return new WorkerSettings(true, "node-a", 1, batch, settings.lease(), settings.idle(), 0, settings.followUps(),
                settings.guard(), settings.remediationRetry(), settings.outboxRetry(), settings.outboxMaxFailures(),
                settings.pacing());
    }

    /** Attempts whose pay call timed out, each due one millisecond after the one before. */
    private List<PaymentRequestId> pendingAttempts(int count) {
        List<PaymentRequestId> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            engine.gateway.loseNextAnswer(Operation.PAY);
            ReferenceOrderId order = ReferenceOrderId.of("order-" + i);
            engine.useCases.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(order, WorkerFixture.AMOUNT, null,
                    Buyer.ANONYMOUS, List.of()));
            attempts.add(engine.useCases.startPayment().start(new StartPayment.Command(order, PaymentOptions.hostedCard(
                    "https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, null))
                    .captureMode(CaptureMode.AUTOMATIC).build())).value().id());
            engine.clock.advance(Duration.ofMillis(1));
        }
        return attempts;
    }
}
