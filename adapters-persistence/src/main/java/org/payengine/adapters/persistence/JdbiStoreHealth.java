package org.payengine.adapters.persistence;

import org.jdbi.v3.core.Jdbi;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.port.StoreUnavailableException;

/** A round trip to the database ({@code SELECT 1}) through the pool, bounded by its connection and query timeouts. */
final class JdbiStoreHealth implements StoreHealth {

    private final Jdbi jdbi;

    JdbiStoreHealth(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void check() {
        try {
            jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            RuntimeException translated = DatabaseFailures.translate(e);
            throw translated instanceof StoreUnavailableException unavailable ? unavailable
                    : new StoreUnavailableException("the database did not answer a health check: " + e.getMessage(), e);
        }
    }
}
