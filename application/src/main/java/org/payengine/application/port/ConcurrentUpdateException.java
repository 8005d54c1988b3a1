package org.payengine.application.port;

import org.payengine.domain.id.ReferenceOrderId;

/**
 * Another writer saved the same order first (its stored version is no longer the one loaded), or
 * created an order with the same reference order id. {@link Transactions} catches it and runs the unit
 * of work again with fresh reads; it reaches a caller only when the retries are exhausted.
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

    public ReferenceOrderId orderId() {
        return orderId;
    }
}
