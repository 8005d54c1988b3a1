package org.payengine.application.port;

import java.util.function.Supplier;

/**
 * The transaction boundary of the stores ({@link Orders}, {@link NotificationInbox}, {@link CardTokens},
 * {@link Outbox}, {@link AuditLog}): everything a unit of work reads and writes through them happens in
 * one transaction, committed when the work returns and rolled back when it throws.
 *
 * <p>This is how two writers (a notification and a follow-up, or two engine nodes) never lose an update:
 * when a save or the commit meets a {@link ConcurrentUpdateException}, the transaction is rolled back and
 * the work runs again from the start in a new transaction, with fresh reads, a bounded number of times
 * (at least 3). The work must therefore load what it changes inside itself and do nothing outside the
 * stores: never call Antom or deliver events from inside a transaction.
 *
 * <p>A call made while a transaction is already open on the current thread joins it (and the outer call
 * does the retrying). Thread-safe; each thread has its own transaction.
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction and returns its result after the commit.
     *
     * @throws ConcurrentUpdateException when the work still conflicts after the last retry
     * @throws RuntimeException          whatever the work threw (the transaction is rolled back)
     */
    <T> T inTransaction(Supplier<T> work);

    /** {@link #inTransaction(Supplier)} for work without a result. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
