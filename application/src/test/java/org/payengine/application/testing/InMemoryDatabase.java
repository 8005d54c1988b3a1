package org.payengine.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The shared memory behind the in-memory stores, with optimistic transactions: a transaction reads and writes
 * its own view of the state and records its writes; the commit replays them, under one lock, on the latest
 * committed state, where each write checks its own preconditions (an order's version) and may throw
 * {@link org.payengine.application.port.ConcurrentUpdateException}. So concurrent writers conflict exactly
 * as they would on a database with optimistic locking, and a commit is all or nothing.
 */
public final class InMemoryDatabase {

    private final Object commitLock = new Object();
    private volatile InMemoryState committed = InMemoryState.EMPTY;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    private static final class Transaction {
        private InMemoryState view;
        private final List<UnaryOperator<InMemoryState>> writes = new ArrayList<>();

        Transaction(InMemoryState view) {
            this.view = view;
        }
    }

    /** Reads the current transaction's view, or the committed state outside a transaction. */
    <T> T read(Function<InMemoryState, T> query) {
        Transaction transaction = current.get();
        return query.apply(transaction != null ? transaction.view : committed);
    }

    /** Writes in the current transaction (checked again at commit), or at once outside a transaction. */
    void write(UnaryOperator<InMemoryState> write) {
        Transaction transaction = current.get();
        if (transaction != null) {
            transaction.view = write.apply(transaction.view);
            transaction.writes.add(write);
        } else {
            synchronized (commitLock) {
                committed = write.apply(committed);
            }
        }
    }

    /** Reads and writes the committed state at once, atomically, ignoring any transaction (outbox claims). */
    <T> T atomically(Function<InMemoryState, Change<T>> change) {
        synchronized (commitLock) {
            Change<T> result = change.apply(committed);
            committed = result.state();
            return result.value();
        }
    }

    record Change<T>(InMemoryState state, T value) {
    }

    boolean inTransaction() {
        return current.get() != null;
    }

    void begin() {
        current.set(new Transaction(committed));
    }

    /** Replays the transaction's writes on the latest state; all of them or none. */
    void commit() {
        Transaction transaction = current.get();
        synchronized (commitLock) {
            InMemoryState state = committed;
            for (UnaryOperator<InMemoryState> write : transaction.writes) {
                state = write.apply(state);
            }
            committed = state;
        }
    }

    /** Ends the transaction of this thread; what was not committed is dropped. */
    void end() {
        current.remove();
    }
}
