package org.payengine.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.StoreUnavailableException;

/**
 * Turns what JDBC and Jdbi throw into the exceptions the application's ports promise: a transaction
 * the database gave up because of another one becomes a {@link TransactionConflictException} (the unit
 * of work runs again); a database that cannot be reached or does not answer in time becomes
 * {@link StoreUnavailableException}; anything else (a bug, a violated constraint nobody expected)
 * stays as it is.
 */
final class DatabaseFailures {

    /**
     * SQLSTATEs of a transaction that lost to a concurrent one and would succeed if run again. H2 reports
     * its deadlocks (and a row changed under a repeatable read) as {@code 40001}, like PostgreSQL's
     * serialization failure; its lock timeout is {@code HYT00}, which in H2 means nothing else.
     */
    private static final Set<String> CONFLICT_STATES = Set.of(
            "40001",  // serialization failure (PostgreSQL); deadlock (H2)
            "40P01",  // deadlock detected (PostgreSQL)
            "55P03",  // lock not available (PostgreSQL, with lock_timeout or NOWAIT)
            "HYT00",  // lock timeout (H2)
            "90131"); // concurrent update of the same row (H2)

    /** SQLSTATEs (or their two-character classes) that say the database is not there or gave up. */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "08",  // connection exception
            "53",  // insufficient resources (PostgreSQL: too many connections, disk full, out of memory)
            "57"); // operator intervention (PostgreSQL: admin shutdown, crash shutdown, query canceled)
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "90067",  // H2: connection is broken
            "90098",  // H2: the database has been closed
            "90121",  // H2: database called at VM shutdown
            "90135"); // H2: the database is open in exclusive mode

    private DatabaseFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || failure instanceof ConcurrentUpdateException) {
            return failure;
        }
        // before unavailability: H2's lock timeout is also an SQLTimeoutException
        if (isConflict(failure)) {
            return new TransactionConflictException("the database gave way to a concurrent transaction: "
                    + describe(failure), failure);
        }
        if (isUnavailable(failure)) {
            return new StoreUnavailableException("the database is unavailable: " + describe(failure), failure);
        }
        return failure;
    }

    static boolean isConflict(Throwable failure) {
        return sqlState(failure).map(state -> CONFLICT_STATES.contains(state.toUpperCase(Locale.ROOT))).orElse(false);
    }

    /**
     * {@code failure}, or a {@link TransactionConflictException} saying {@code whatHappened} when it is a
     * violation of the unique {@code constraint}: another writer stored the same row first, and the unit
     * of work run again will find it.
     */
    static RuntimeException conflictIfViolates(RuntimeException failure, String constraint, String whatHappened) {
        return violates(failure, constraint) ? new TransactionConflictException(whatHappened, failure) : failure;
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
