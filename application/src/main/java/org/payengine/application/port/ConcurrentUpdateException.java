package org.payengine.application.port;

import org.payengine.domain.id.ReferenceOrderId;

/**
 * Another writer saved the same order first (its stored version is no longer the one loaded), created an
 * order with the same reference order id, or collided with this one elsewhere in the store.
 * {@link Transactions} catches it and runs the unit of work again with fresh reads; it reaches a caller only
 * when the retries are exhausted.
 */
public class ConcurrentUpdateException extends RuntimeException {

    private final ReferenceOrderId orderId;

    public ConcurrentUpdateException(ReferenceOrderId orderId, long expectedVersion) {
        super("Order " + orderId + " was changed by another writer: expected to update version " + expectedVersion
                + ", but the stored version is different");
        this.orderId = orderId;
    }

    public ConcurrentUpdateException(ReferenceOrderId orderId, String message) {
        super("Order " + orderId + ": " + message);
        this.orderId = orderId;
    }

    /**
     * A collision the store settled that concerns no single order — say two writers of the same unique row, or a
     * transaction the database chose to give way — which running the unit of work again settles just the same.
     */
    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
        this.orderId = null;
    }

    /** The order two writers changed at once, or {@code null} when no single order is concerned. */
    public ReferenceOrderId orderId() {
        return orderId;
    }
}
