package org.payengine.application.port;

/**
 * Whether the engine's storage answers now, for health checks ({@code GET /health}) and load balancers.
 * Thread-safe; called outside any transaction.
 */
@FunctionalInterface
public interface StoreHealth {

    /**
     * Runs the cheapest round trip the store has (for a database, a trivial query), bounded by the store's own
     * timeouts, and returns normally when it answered.
     *
     * @throws StoreUnavailableException when the store did not answer
     */
    void check();
}
