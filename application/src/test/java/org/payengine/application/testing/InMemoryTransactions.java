package org.payengine.application.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.Transactions;

/** {@link Transactions} over an {@link InMemoryDatabase}: optimistic, retried on conflict, thread-safe. */
public final class InMemoryTransactions implements Transactions {

    /** Generous, because tests hammer one order from many threads. */
    public static final int DEFAULT_ATTEMPTS = 50;

    private final InMemoryDatabase database;
    private final int attempts;
    private final AtomicInteger conflicts = new AtomicInteger();

    public InMemoryTransactions(InMemoryDatabase database) {
        this(database, DEFAULT_ATTEMPTS);
    }

    public InMemoryTransactions(InMemoryDatabase database, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.database = database;
        this.attempts = attempts;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (database.inTransaction()) {
            return work.get();
        }
        ConcurrentUpdateException lastConflict = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            database.begin();
            try {
                T result = work.get();
                database.commit();
                return result;
            } catch (ConcurrentUpdateException conflict) {
                conflicts.incrementAndGet();
                lastConflict = conflict;
            } finally {
                database.end();
            }
        }
        throw lastConflict;
    }

    /** How many times a unit of work met a conflict and was rolled back (and retried, unless it was the last attempt). */
    public int conflicts() {
        return conflicts.get();
    }
}
