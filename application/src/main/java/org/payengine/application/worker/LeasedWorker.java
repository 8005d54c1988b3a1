package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.payengine.application.port.Clock;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.domain.work.WorkKind;

/**
 * A worker for one {@link WorkKind}: each run claims the items due (leased to this node), hands each to its
 * {@link DueItemHandler} on the item executor, and ends each lease by rescheduling the item for the handler's next
 * check. So each item is worked by one node at a time although the work happens outside the claiming transaction.
 *
 * <p>Leases are short and follow liveness: while an item's work runs, its lease is renewed every third of the lease,
 * so a node that dies frees its items within one lease, and slow work (a call to Antom near its timeout) keeps its
 * item.
 *
 * <p>An item is not started when the node is stopping, nor when half its lease has passed before its turn came (a
 * long batch): it is released, due again as before, for the next run or another node, so the lease still covers
 * the whole of any work that starts. A handler that throws has its item looked at again after {@link #ERROR_PAUSE}.
 */
public final class LeasedWorker implements Worker {

    /** How long an item whose work failed unexpectedly waits before it is tried again. */
    public static final Duration ERROR_PAUSE = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(LeasedWorker.class.getName());

    /** One daemon thread renews the leases of every worker's items in progress; renewing is one short statement. */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(
            WorkerScheduler.namedThreads("payengine-lease-renewal"));

    private final String name;
    private final WorkKind kind;
    private final DueItemHandler handler;
    private final DueWork dueWork;
    private final Clock clock;
    private final WorkerSettings settings;
    private final Executor items;
    private final AtomicBoolean stopping = new AtomicBoolean();

    LeasedWorker(String name, WorkKind kind, DueItemHandler handler, DueWork dueWork, Clock clock,
                 WorkerSettings settings, Executor items) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.dueWork = Objects.requireNonNull(dueWork, "dueWork");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.items = Objects.requireNonNull(items, "items");
    }

    @Override
    public String name() {
        return name;
    }

    /** The kind of item this worker works. */
    public WorkKind kind() {
        return kind;
    }

    @Override
    public WorkerRun runOnce(Instant now) {
        if (stopping.get()) {
            return WorkerRun.NOTHING_DUE;
        }
        List<Claim> claims = dueWork.claim(kind, now, settings.batchSize(), settings.lease(), settings.nodeId());
        Duration lag = Duration.ZERO;
        AtomicInteger worked = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Duration late = Duration.between(claim.dueAt(), now);
            lag = late.compareTo(lag) > 0 ? late : lag;
            running.add(CompletableFuture.runAsync(() -> {
                if (work(claim, now)) {
                    worked.incrementAndGet();
                }
            }, items));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return new WorkerRun(worked.get(), lag, dueWork.countDue(kind, now));
    }

    @Override
    public void stop() {
        stopping.set(true);
    }

    /** @return whether the item was worked (rather than given back) */
    private boolean work(Claim claim, Instant now) {
        Instant halfLease = now.plus(settings.lease().dividedBy(2));
        if (stopping.get() || clock.now().isAfter(halfLease)) {
            giveBack(claim);
            return false;
        }
        DueItemHandler.Next next;
        try (LeaseKeeper ignored = keepLease(claim)) {
            next = handler.work(claim, now);
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, () -> name + ": working " + claim.kind() + " of " + claim.attempt()
                    + " failed; trying again in " + ERROR_PAUSE.toSeconds() + " s", failure);
            next = DueItemHandler.Next.at(now.plus(ERROR_PAUSE));
        }
        try {
            dueWork.reschedule(claim, next.at(), next.taken());
        } catch (RuntimeException storeDown) {
            LOG.log(Level.WARNING, () -> name + ": could not reschedule " + claim.kind() + " of " + claim.attempt()
                    + "; its lease runs out by itself: " + storeDown);
        }
        return true;
    }

    /** Renews the claim's lease every third of the lease while the work runs, on a timer of its own. */
    private LeaseKeeper keepLease(Claim claim) {
        Duration every = settings.lease().dividedBy(3);
        ScheduledFuture<?> renewals = RENEWALS.scheduleAtFixedRate(() -> {
            try {
                dueWork.renew(claim, clock.now().plus(settings.lease()));
            } catch (RuntimeException storeDown) {
                LOG.log(Level.DEBUG, () -> name + ": could not renew the lease of " + claim.attempt() + ": " + storeDown);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> renewals.cancel(false);
    }

    /** Stops renewing a lease when the work is over. */
    private interface LeaseKeeper extends AutoCloseable {
        @Override
        void close();
    }

    private void giveBack(Claim claim) {
        try {
            dueWork.release(claim);
        } catch (RuntimeException storeDown) {
            LOG.log(Level.WARNING, () -> name + ": could not release " + claim.kind() + " of " + claim.attempt()
                    + "; its lease runs out by itself: " + storeDown);
        }
    }
}
