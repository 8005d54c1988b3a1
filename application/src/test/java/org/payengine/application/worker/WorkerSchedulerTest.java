package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.testing.TestClock;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;

/** The scheduler on real threads; the tests wait for outcomes (bounded), never for a length of time. */
class WorkerSchedulerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    public void started_workers_settle_due_work_by_themselves_report_progress_and_stop_cleanly() throws Exception {
        try (WorkerFixture fixture = new WorkerFixture(WorkerFixture.settings().withIdle(Duration.ofMillis(20)))) {
            fixture.engine.gateway.loseNextAnswer(Operation.PAY);
            PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
            fixture.engine.gateway.buyerPays(pending.id());
            fixture.advance(fixture.workers.settings().followUps().unknownWaits().get(0));

            fixture.workers.start();
            awaitTrue(() -> fixture.attempt(pending.id()).status() == AttemptStatus.AUTHORIZED);

            assertTrue(fixture.workers.stop(PATIENCE));
            synchronized (fixture.progress) {
                assertTrue(fixture.progress.stream().anyMatch(line -> line.startsWith("payment-follow-up lag=")),
                        fixture.progress.toString());
            }
        }
    }

    @Test
    public void a_run_that_failed_is_tried_again_after_the_pause() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Worker failingOnce = worker(now -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is down");
            }
            return WorkerRun.NOTHING_DUE;
        });
        WorkerScheduler scheduler = scheduler(failingOnce);

        scheduler.start();
        awaitTrue(() -> runs.get() >= 2);

        assertTrue(scheduler.stop(PATIENCE));
    }

    @Test
    public void stopping_lets_the_run_in_progress_finish_and_starts_no_other() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        // the run in progress may finish only once stop() has begun, so that no run can slip in before it
        Worker slow = worker(now -> {
            runs.incrementAndGet();
            inRun.countDown();
            try {
                mayFinish.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return WorkerRun.NOTHING_DUE;
        }, mayFinish::countDown);
        WorkerScheduler scheduler = scheduler(slow);
        scheduler.start();
        assertTrue(inRun.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> scheduler.stop(PATIENCE));

        assertTrue(stopped.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(finished.get());
        assertEquals(1, runs.get());
    }

    private static WorkerScheduler scheduler(Worker worker) {
        return new WorkerScheduler(List.of(worker), new TestClock(Instant.parse("2025-03-01T10:00:00Z")),
                WorkerProgress.NOT_REPORTED, Duration.ofMillis(10), 0.2, new Random(3), Executors.newSingleThreadExecutor());
    }

    private interface Run {
        WorkerRun run(Instant now);
    }

    private static Worker worker(Run run) {
        return new Worker() {
            private volatile boolean stopping;

            @Override
            public String name() {
                return "test";
            }

            @Override
            public WorkerRun runOnce(Instant now) {
                return stopping ? WorkerRun.NOTHING_DUE : run.run(now);
            }

            @Override
            public void stop() {
                stopping = true;
            }
        };
    }

    /**
     * A worker that does {@code onStop} when it is told to stop, and whose every run runs {@code run}: what the
     * scheduler starts after a stop shows, even a run the worker would have declined.
     */
    private static Worker worker(Run run, Runnable onStop) {
        return new Worker() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public WorkerRun runOnce(Instant now) {
                return run.run(now);
            }

            @Override
            public void stop() {
                onStop.run();
            }
        };
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(10);
        }
    }
}
