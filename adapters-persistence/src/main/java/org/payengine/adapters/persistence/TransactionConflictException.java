package org.payengine.adapters.persistence;

import org.payengine.application.port.ConcurrentUpdateException;

/**
 * Two transactions collided where no order version tells them apart: the database chose this one to
 * give way (a deadlock, a serialization failure, a lock not granted in time), or another writer stored
 * the same unique row first (a notification's dedup key, a buyer's card token). As with a stale order
 * version, running the unit of work again with fresh reads settles it, so it is a
 * {@link ConcurrentUpdateException} and {@link JdbiTransactions} retries it. No single order is
 * concerned: {@link #orderId()} is {@code null}.
 */
final class TransactionConflictException extends ConcurrentUpdateException {

    TransactionConflictException(String description, Throwable cause) {
        super(description, cause);
    }
}
