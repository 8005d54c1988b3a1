package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.domain.order.Order;

/**
 * PostgreSQL behind a network that goes silent (a partition, a dead host: no error, no reset) while connections are
 * open and in use. Every wait is bounded by the settings — getting a connection, opening one, checking one, and the
 * answer on an open one — so the stores report the database unavailable instead of hanging the caller, and take it up
 * again once it is back.
 */
class PartitionedDatabaseTest {

    /** Far beyond what the settings below allow; reaching it means a wait is not bounded. */
    private static final Duration HANG = Duration.ofSeconds(90);

    @Test
    void a_silent_database_is_reported_unavailable_within_the_configured_waits_and_used_again_once_back() {
        Assumptions.assumeTrue(TestDatabase.postgresUrl().isPresent(), TestDatabase.POSTGRES_SKIPPED_MESSAGE);
        try (TestDatabase databases = TestDatabase.create(Backend.POSTGRESQL, "partition");
             BlackHoleProxy network = BlackHoleProxy.inFrontOf(databases.settings().effectiveJdbcUrl())) {
            DatabaseSettings throughTheProxy = databases.settings()
                    .withUrl(network.jdbcUrl())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                    .withNetworkTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(500));
            Database database = databases.open(throughTheProxy);
            database.migrate();
            Order stored = OrderFixtures.newOrder();
            database.transactions().run(() -> database.orders().save(stored));

            network.blackHole();

            assertTimeoutPreemptively(HANG, () -> {
                assertThrows(StoreUnavailableException.class,
                        () -> database.orders().findByReferenceOrderId(stored.id()));
                assertThrows(StoreUnavailableException.class,
                        () -> database.transactions().run(() -> database.orders().save(OrderFixtures.newOrder())));
                assertThrows(StoreUnavailableException.class, () -> database.storeHealth().check());
            }, "a request would hang on the silent database");

            network.heal();

            assertTimeoutPreemptively(HANG, () -> assertTrue(findOnceBack(database, stored).isPresent()));
        }
    }

    /** The pool gives up the connections that went silent and opens new ones: a few tries at most. */
    private static Optional<Order> findOnceBack(Database database, Order stored) {
        StoreUnavailableException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return database.orders().findByReferenceOrderId(stored.id());
            } catch (StoreUnavailableException stillDown) {
                last = stillDown;
            }
        }
        throw last;
    }
}
