package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database holds the statement timeout per connection (in its URL), not per statement: a statement
 * that runs too long is still cancelled, on every connection of the pool.
 */
class H2StatementTimeoutTest {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final String H2_STATEMENT_CANCELLED = "57014";

    @TempDir
    Path directory;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embeddedUnder(directory)
                .withTimeouts(Duration.ofSeconds(5), STATEMENT_TIMEOUT).withPoolSize(3));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void a_statement_running_past_the_timeout_is_cancelled() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b")
                        .mapTo(Long.class).one()));

        assertTrue(sqlStateIn(failure, H2_STATEMENT_CANCELLED), () -> "not cancelled by the timeout: " + failure);
    }

    @Test
    void every_connection_of_the_pool_starts_with_the_statement_timeout() {
        List<Handle> threeConnections = new ArrayList<>();
        try {
            for (int connection = 0; connection < 3; connection++) {
                threeConnections.add(database.jdbi().open()); // held open: the pool cannot hand one out twice
            }
            for (Handle handle : threeConnections) {
                String timeout = handle.createQuery(
                                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")
                        .mapTo(String.class).one();

                assertEquals(Long.toString(STATEMENT_TIMEOUT.toMillis()), timeout);
            }
        } finally {
            threeConnections.forEach(Handle::close);
        }
    }

    private static boolean sqlStateIn(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
