package org.payengine.adapters.http;

import java.util.function.Supplier;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.application.port.Transactions;

/**
 * The in-memory store's transactions and health, with switches that make the database "down" for a test, or so
 * contended that every unit of work still meets a concurrent writer after its last retry.
 */
final class StoreOutage implements Transactions, StoreHealth {

    private final Transactions store;
    private volatile boolean down;
    private volatile boolean contended;

    StoreOutage(Transactions store) {
        this.store = store;
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    void contended(boolean isContended) {
        this.contended = isContended;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        check();
        if (contended) {
            throw new ConcurrentUpdateException("every run met a concurrent writer (test contention)", null);
        }
        return store.inTransaction(work);
    }

    @Override
    public void check() {
        if (down) {
            throw new StoreUnavailableException("connection refused (test outage)", null);
        }
    }
}
