package org.payengine.application.worker;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.payengine.application.port.Clock;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.application.usecase.SettleRefunds;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.domain.work.WorkKind;

/**
 * The background workers of one engine node, ready to run: the follow-ups (payment results and capture results), the
 * capture guard and the duplicate remediation, each a {@link LeasedWorker} over the {@link DueWork} store, on one
 * bounded pool of {@link WorkerSettings#threads()} item threads; and the outbox delivery to the {@link EventSink}.
 *
 * <p>The composition root builds one per node and, when {@link WorkerSettings#enabled()}, calls {@link #start()}
 * once the store is migrated and {@link #stop(Duration)} before closing the store. Tests use {@link #workers()} and
 * call {@link Worker#runOnce} with the instant they choose; nothing then runs by itself.
 */
public final class BackgroundWorkers {

    /** Names the workers report under (logs, {@code payengine_worker_*} metrics). */
    public static final String PAYMENT_FOLLOW_UP = "payment-follow-up";
    public static final String CAPTURE_FOLLOW_UP = "capture-follow-up";
    public static final String CANCEL_FOLLOW_UP = "cancel-follow-up";
    public static final String REFUND_FOLLOW_UP = "refund-follow-up";
    public static final String CAPTURE_GUARD = "capture-guard";
    public static final String DUPLICATE_REMEDIATION = "duplicate-remediation";
    public static final String OUTBOX = "outbox";

    private final WorkerSettings settings;
    private final ExecutorService itemPool;
    private final List<Worker> workers;
    private final WorkerScheduler scheduler;

    @Inject
    public BackgroundWorkers(WorkerSettings settings, Transactions transactions, Orders orders, DueWork dueWork,
                             Outbox outbox, EventSink eventSink, Clock clock, CallBudget budget, GetPayment getPayment,
                             SyncPayment syncPayment, CapturePayment capturePayment, CancelPayment cancelPayment,
                             SettleRefunds settleRefunds, RemediateDuplicate remediateDuplicate,
                             WorkerProgress progress) {
        this(settings, transactions, orders, dueWork, outbox, eventSink, clock, budget, getPayment, syncPayment,
                capturePayment, cancelPayment, settleRefunds, remediateDuplicate, progress, new Random());
    }

    /** With a source of randomness of the caller's choosing (a seeded one makes the jitter repeatable). */
    public BackgroundWorkers(WorkerSettings settings, Transactions transactions, Orders orders, DueWork dueWork,
                             Outbox outbox, EventSink eventSink, Clock clock, CallBudget budget, GetPayment getPayment,
                             SyncPayment syncPayment, CapturePayment capturePayment, CancelPayment cancelPayment,
                             SettleRefunds settleRefunds, RemediateDuplicate remediateDuplicate,
                             WorkerProgress progress, RandomGenerator random) {
        this.settings = settings;
        this.itemPool = itemPool(settings);
        Executor items = itemPool;
        FollowUpPolicy policy = settings.followUps();
        Unsettled unsettled = new Unsettled(transactions, orders);
        this.workers = List.of(
                new LeasedWorker(PAYMENT_FOLLOW_UP, WorkKind.PAYMENT_RESULT,
                        new FollowUp(WorkKind.PAYMENT_RESULT, "PAYMENT_RESULT_UNSETTLED", getPayment,
                                new PaymentResultLook(syncPayment, cancelPayment, policy), policy, budget, unsettled,
                                settings.jitter(), random),
                        dueWork, clock, settings, items),
                new LeasedWorker(CAPTURE_FOLLOW_UP, WorkKind.CAPTURE_RESULT,
                        new FollowUp(WorkKind.CAPTURE_RESULT, "CAPTURE_RESULT_UNSETTLED", getPayment,
                                new CaptureResultLook(syncPayment, capturePayment), policy, budget, unsettled,
                                settings.jitter(), random),
                        dueWork, clock, settings, items),
                new LeasedWorker(CANCEL_FOLLOW_UP, WorkKind.CANCEL_RESULT,
                        new FollowUp(WorkKind.CANCEL_RESULT, "CANCEL_RESULT_UNSETTLED", getPayment,
                                new CancelResultLook(cancelPayment), policy, budget, unsettled, settings.jitter(), random),
                        dueWork, clock, settings, items),
                new LeasedWorker(REFUND_FOLLOW_UP, WorkKind.REFUND_RESULT,
                        new FollowUp(WorkKind.REFUND_RESULT, "REFUND_RESULT_UNSETTLED", getPayment,
                                new RefundResultLook(settleRefunds, budget, policy), policy, budget, unsettled,
                                settings.jitter(), random),
                        dueWork, clock, settings, items),
                new LeasedWorker(CAPTURE_GUARD, WorkKind.CAPTURE_DEADLINE,
                        new CaptureGuard(transactions, orders, getPayment, syncPayment, capturePayment, cancelPayment,
                                settings.guard(), policy, budget, unsettled),
                        dueWork, clock, settings, items),
                new LeasedWorker(DUPLICATE_REMEDIATION, WorkKind.DUPLICATE,
                        new DuplicateRemediation(remediateDuplicate, settings, random),
                        dueWork, clock, settings, items),
                new OutboxDelivery(new PublishEvents(outbox, eventSink, clock, settings.outboxRetry(),
                        settings.outboxMaxFailures(), random), outbox, settings.batchSize()));
        this.scheduler = new WorkerScheduler(workers, clock, progress, settings.idle(), settings.jitter(), random,
                itemPool);
    }

    /** The workers, for running them by hand ({@link Worker#runOnce}) in tests and tools. */
    public List<Worker> workers() {
        return workers;
    }

    /** The worker with this name. */
    public Worker worker(String name) {
        return workers.stream().filter(worker -> worker.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no worker named " + name));
    }

    public WorkerSettings settings() {
        return settings;
    }

    /** Starts running the workers on their own threads (whatever {@link WorkerSettings#enabled()} says). */
    public void start() {
        scheduler.start();
    }

    /**
     * Stops the workers: each finishes the item in hand and releases the items it claimed but did not start.
     *
     * @return whether they finished within {@code grace} (if not, their leases run out by themselves)
     */
    public boolean stop(Duration grace) {
        return scheduler.stop(grace);
    }

    /**
     * A fixed pool of item threads. Its queue is bounded by what the workers can claim at once, so it never grows
     * beyond that; should it fill anyway — or refuse because it is shutting down — the claiming thread works the
     * item itself (a stopping worker then only releases it), so no claimed item is ever dropped unanswered.
     */
    private static ExecutorService itemPool(WorkerSettings settings) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.batchSize() * 8), WorkerScheduler.namedThreads("payengine-work"),
                (item, refusing) -> item.run());
        pool.allowCoreThreadTimeOut(false);
        return pool;
    }
}
