package org.payengine.adapters.http;

import java.util.function.Supplier;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.application.port.Transactions;

/** The in-memory store's transactions and health, with a switch that makes the database "down" for a test. */
final class StoreOutage implements Transactions, StoreHealth {

    private final Transactions store;
    private volatile boolean down;

    StoreOutage(Transactions store) {
        this.store = store;
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        check();
        return store.inTransaction(work);
    }

    @Override
    public void check() {
        if (down) {
            throw new StoreUnavailableException("connection refused (test outage)", null);
        }
    }
}
