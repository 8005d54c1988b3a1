package org.payengine.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.application.port.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database transaction per unit of work, shared by every store through a handle bound to the
 * thread. A unit of work that meets a {@link ConcurrentUpdateException} is rolled back and run
 * again with fresh reads, up to {@link #MAX_RUNS} times in all; a store called outside a unit of work
 * runs in a transaction of its own.
 */
public final class JdbiTransactions implements Transactions {

    /** How often a unit of work runs at most before its conflict reaches the caller. */
    public static final int MAX_RUNS = 8;

    private static final Logger log = LoggerFactory.getLogger(JdbiTransactions.class);

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();
    private final ThreadLocal<Map<Object, Object>> boundState = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get(); // joins the unit of work already open on this thread
        }
        for (int run = 1; ; run++) {
            try {
                return runOnce(work);
            } catch (ConcurrentUpdateException conflict) {
                if (run == MAX_RUNS) {
                    throw conflict;
                }
                log.debug("Unit of work conflicted (run {} of {}), running it again: {}", run, MAX_RUNS,
                        conflict.getMessage());
                pauseBeforeRun(run);
            }
        }
    }

    /** Runs {@code work} on the thread's transaction, or in a transaction of its own when none is open. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle handle = bound.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return inTransaction(() -> work.apply(bound.get()));
    }

    /**
     * What a store keeps for the rest of the current transaction under {@code key} (created by
     * {@code initial} on first use): gone when the transaction commits, rolls back or runs again, so it
     * never outlives what it describes. Call it inside {@link #withHandle}.
     */
    <T> T transactionState(Object key, Supplier<T> initial) {
        Map<Object, Object> state = boundState.get();
        if (state == null) {
            throw new IllegalStateException("no transaction is open on this thread");
        }
        @SuppressWarnings("unchecked")
        T value = (T) state.computeIfAbsent(key, absent -> initial.get());
        return value;
    }

    private <T> T runOnce(Supplier<T> work) {
        Handle handle = open();
        bound.set(handle);
        boundState.set(new HashMap<>());
        try {
            handle.begin();
            T result = work.get();
            handle.commit();
            return result;
        } catch (RuntimeException failure) {
            rollBackQuietly(handle, failure);
            throw DatabaseFailures.translate(failure);
        } catch (Error failure) {
            rollBackQuietly(handle, failure);
            throw failure;
        } finally {
            bound.remove();
            boundState.remove();
            closeQuietly(handle);
        }
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (RuntimeException e) {
            RuntimeException translated = DatabaseFailures.translate(e);
            throw translated instanceof StoreUnavailableException ? translated
                    : new StoreUnavailableException("cannot open a database connection: " + e.getMessage(), e);
        }
    }

    private static void rollBackQuietly(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure); // the connection is gone; the database rolls back by itself
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            log.debug("Closing a database handle failed", e);
        }
    }

    /** Spreads the retries of writers that collided, so they do not collide again at once. */
    private static void pauseBeforeRun(int run) {
        long maxMillis = Math.min(50, 1L << run);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to run a unit of work again", e);
        }
    }
}
