package org.payengine.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.payengine.application.port.StoreUnavailableException;

/**
 * Turns what JDBC and Jdbi throw into the exceptions the application's ports promise: a database
 * that cannot be reached or does not answer in time becomes {@link StoreUnavailableException};
 * anything else (a bug, a violated constraint nobody expected) stays as it is.
 */
final class DatabaseFailures {

    /** SQLSTATEs (or their two-character classes) that say the database is not there or gave up. */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "08",  // connection exception
            "53",  // insufficient resources (PostgreSQL: too many connections, disk full, out of memory)
            "57"); // operator intervention (PostgreSQL: admin shutdown, crash shutdown, query canceled)
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "HYT00",  // timeout (H2: lock or statement timeout)
            "90067",  // H2: connection is broken
            "90098",  // H2: the database has been closed
            "90121",  // H2: database called at VM shutdown
            "90135"); // H2: the database is open in exclusive mode

    private DatabaseFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException) {
            return failure;
        }
        if (isUnavailable(failure)) {
            return new StoreUnavailableException("the database is unavailable: " + describe(failure), failure);
        }
        return failure;
    }

    static boolean isUnavailable(Throwable failure) {
        if (failure instanceof ConnectionException) {
            return true; // Jdbi could not open a connection at all
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException  // the pool timed out waiting for a connection
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState().toUpperCase(Locale.ROOT);
                if (UNAVAILABLE_STATES.contains(state)
                        || (state.length() == 5 && UNAVAILABLE_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql && isClosedPool(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of the first {@link SQLException} among the causes. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is a violation of the named unique constraint (names are matched case-blind). */
    static boolean violates(Throwable failure, String constraint) {
        if (!sqlState(failure).filter("23505"::equals).isPresent()) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosedPool(SQLException failure) {
        // HikariCP reports a closed pool without an SQLSTATE: the engine is shutting down.
        String message = failure.getMessage();
        return failure.getSQLState() == null && message != null && message.contains("has been closed");
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
