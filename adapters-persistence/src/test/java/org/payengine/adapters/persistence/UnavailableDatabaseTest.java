package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.domain.order.Order;

/** A database that is not there, or goes away mid-way, is one clear exception, and nothing is half-written. */
class UnavailableDatabaseTest {

    @Test
    void a_database_nobody_answers_at_is_reported_unavailable_by_stores_and_migrations(@TempDir Path data) {
        DatabaseSettings unreachable = DatabaseSettings.embeddedUnder(data)
                .withUrl("jdbc:postgresql://127.0.0.1:1/payengine?connectTimeout=1")
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));

        try (Database database = Database.open(unreachable)) {
            assertThrows(StoreUnavailableException.class, database::migrate);
            assertThrows(StoreUnavailableException.class,
                    () -> database.orders().findByReferenceOrderId(OrderFixtures.newOrder().id()));
            assertThrows(StoreUnavailableException.class,
                    () -> database.transactions().run(() -> database.orders().save(OrderFixtures.newOrder())));
        }
    }

    @Test
    void a_closed_pool_is_reported_unavailable(@TempDir Path data) {
        Database database = Database.open(DatabaseSettings.embeddedUnder(data));
        database.migrate();
        database.close();

        assertThrows(StoreUnavailableException.class,
                () -> database.transactions().run(() -> database.orders().save(OrderFixtures.newOrder())));
    }

    @Test
    void a_connection_lost_in_the_middle_of_a_unit_of_work_leaves_nothing_of_it() {
        try (TestDatabase databases = postgresOrSkip()) {
            Database database = databases.migrated();
            Order first = OrderFixtures.newOrder();
            Order second = OrderFixtures.newOrder();

            assertThrows(StoreUnavailableException.class, () -> database.transactions().run(() -> {
                database.orders().save(first);
                killOwnConnection(database);
                database.orders().save(second);
            }));

            assertTrue(database.orders().findByReferenceOrderId(first.id()).isEmpty());
            assertTrue(database.orders().findByReferenceOrderId(second.id()).isEmpty());
        }
    }

    /** Has the server end this unit of work's connection, as a restart or failover would. */
    private static void killOwnConnection(Database database) {
        int pid = database.transactions() instanceof JdbiTransactions transactions
                ? transactions.withHandle(handle -> handle.select("SELECT pg_backend_pid()").mapTo(Integer.class).one())
                : -1;
        try (var other = java.sql.DriverManager.getConnection(database.settings().orElseThrow().effectiveJdbcUrl());
             var statement = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase postgresOrSkip() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgresUrl().isPresent(),
                TestDatabase.POSTGRES_SKIPPED_MESSAGE);
        return TestDatabase.create(Backend.POSTGRESQL, "unavailable");
    }
}
