package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    abstract static class Suite {
        private final TestDatabase databases;

        Suite(TestDatabase databases) {
            this.databases = databases;
        }

        @Test
        void an_empty_database_is_brought_to_the_latest_version() {
            Database database = databases.openEmpty("empty");
            List<String> versions = SchemaMigrations.availableVersions(database.dataSource(), database.schema());

            assertEquals(versions.size(), database.migrate());

            assertEquals(Optional.of(versions.get(versions.size() - 1)),
                    SchemaMigrations.currentVersion(database.dataSource(), database.schema()));
            SchemaSnapshot schema = SchemaSnapshot.of(database);
            for (String table : List.of("orders", "payment_attempts", "captures", "refunds", "audit_entries",
                    "notifications", "outbox_events", "card_tokens", "due_work", "reconciliation_runs",
                    "reconciliation_discrepancies", "reconciliation_transactions", "reconciliation_files",
                    "scheduled_jobs")) {
                assertTrue(schema.hasTable(table), () -> table + " missing from " + schema);
            }
        }

        @Test
        void migrating_a_current_database_again_changes_nothing() {
            Database database = databases.openEmpty("twice");
            database.migrate();
            SchemaSnapshot once = SchemaSnapshot.of(database);

            assertEquals(0, database.migrate());

            assertEquals(once, SchemaSnapshot.of(database));
        }

        @Test
        void the_versions_a_current_schema_records_are_those_of_the_migration_files() {
            Database database = databases.openEmpty("latest");
            List<String> versions = SchemaMigrations.availableVersions(database.dataSource(), database.schema());

            assertEquals(versions, SchemaMigrations.VERSIONS);
            assertEquals(versions.get(versions.size() - 1), SchemaMigrations.LATEST_VERSION);
        }

        @Test
        void a_starting_node_migrates_an_empty_or_older_schema_and_leaves_a_current_one_alone() {
            Database empty = databases.openEmpty("unlessempty");
            assertFalse(SchemaMigrations.isCurrent(empty.dataSource()));
            int all = SchemaMigrations.availableVersions(empty.dataSource(), empty.schema()).size();
            assertEquals(all, empty.migrateUnlessCurrent());
            assertTrue(SchemaMigrations.isCurrent(empty.dataSource()));
            SchemaSnapshot migrated = SchemaSnapshot.of(empty);

            assertEquals(0, empty.migrateUnlessCurrent());
            assertEquals(migrated, SchemaSnapshot.of(empty));

            Database older = databases.openEmpty("unlessolder");
            SchemaMigrations.migrateTo(older.dataSource(), older.schema(), "1");
            assertFalse(SchemaMigrations.isCurrent(older.dataSource()));
            assertEquals(all - 1, older.migrateUnlessCurrent());
            assertEquals(migrated, SchemaSnapshot.of(older));
        }

        @Test
        void a_database_created_at_the_first_version_upgrades_to_the_latest() {
            Database upgraded = databases.openEmpty("fromfirst");
            assertEquals(1, SchemaMigrations.migrateTo(upgraded.dataSource(), upgraded.schema(), "1"));
            insertOrder(upgraded, "order-from-version-1");

            upgraded.migrate();

            Database fresh = databases.openEmpty("fresh");
            fresh.migrate();
            assertEquals(SchemaSnapshot.of(fresh), SchemaSnapshot.of(upgraded));
            int kept = upgraded.jdbi().withHandle(handle -> handle
                    .select("SELECT count(*) FROM orders WHERE reference_order_id = 'order-from-version-1'")
                    .mapTo(Integer.class).one());
            assertEquals(1, kept);
        }

        @Test
        void the_database_itself_refuses_a_second_success_for_one_order() {
            Database database = databases.migrated();
            long order = insertOrder(database, "order-two-winners");
            database.jdbi().useHandle(handle -> {
                insertAttempt(handle, order, "request-loser-1", 1, null);
                insertAttempt(handle, order, "request-loser-2", 2, null); // many non-winners are fine
                insertAttempt(handle, order, "request-winner", 3, order);
            });

            StatementException refused = assertThrows(StatementException.class, () -> database.jdbi()
                    .useHandle(handle -> insertAttempt(handle, order, "request-second-winner", 4, order)));

            assertEquals("23505", ((SQLException) refused.getCause()).getSQLState(), refused::getMessage);
        }

        @Test
        void an_attempt_cannot_be_the_success_of_another_order() {
            Database database = databases.migrated();
            long order = insertOrder(database, "order-own-winner");
            long other = insertOrder(database, "order-other");

            assertThrows(StatementException.class, () -> database.jdbi()
                    .useHandle(handle -> insertAttempt(handle, order, "request-foreign-winner", 1, other)));
            assertFalse(database.jdbi().withHandle(handle -> handle
                    .select("SELECT count(*) FROM payment_attempts WHERE order_id = ?", order)
                    .mapTo(Integer.class).one()) > 0);
        }

        @Test
        void an_upgrade_fails_the_captures_left_waiting_on_cancelled_attempts_and_audits_it() {
            Database upgraded = databases.openEmpty("waitingcaptures");
            SchemaMigrations.migrateTo(upgraded.dataSource(), upgraded.schema(), "8");
            long order = insertOrder(upgraded, "order-cancel-raced-capture");
            upgraded.jdbi().useHandle(handle -> {
                insertAttempt(handle, order, "request-cancelled", 1, null);
                insertAttempt(handle, order, "request-authorized", 2, null);
                handle.execute("UPDATE payment_attempts SET status = 'CANCELLED' WHERE payment_request_id = ?",
                        "request-cancelled");
                insertRequestedCapture(handle, "request-cancelled", "capture-of-cancelled");
                insertRequestedCapture(handle, "request-authorized", "capture-of-authorized");
            });

            upgraded.migrate();

            upgraded.jdbi().useHandle(handle -> {
                assertEquals(List.of("FAILED", "ORDER_IS_CANCELED"), handle.select("""
                                SELECT status, result_code FROM captures WHERE capture_request_id = 'capture-of-cancelled'""")
                        .map((row, context) -> List.of(row.getString(1), row.getString(2))).one());
                assertEquals("REQUESTED", handle.select("""
                                SELECT status FROM captures WHERE capture_request_id = 'capture-of-authorized'""")
                        .mapTo(String.class).one(), "an authorized attempt's capture is still followed up");
                assertEquals(List.of("REQUESTED", "FAILED"), handle.select("""
                                SELECT from_state, to_state FROM audit_entries
                                WHERE subject = 'CAPTURE' AND subject_id = 'capture-of-cancelled'""")
                        .map((row, context) -> List.of(row.getString(1), row.getString(2))).one());
            });
        }

        private static void insertRequestedCapture(Handle handle, String paymentRequestId, String captureRequestId) {
            handle.createUpdate("""
                            INSERT INTO captures (attempt_id, capture_request_id, status, currency, amount_minor,
                                requested_at)
                            SELECT id, :captureRequestId, 'REQUESTED', 'SGD', 4200, :now FROM payment_attempts
                            WHERE payment_request_id = :paymentRequestId""")
                    .bind("captureRequestId", captureRequestId)
                    .bind("paymentRequestId", paymentRequestId)
                    .bind("now", Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                    .execute();
        }

        private static long insertOrder(Database database, String referenceOrderId) {
            return database.jdbi().withHandle(handle -> handle.createUpdate("""
                            INSERT INTO orders (reference_order_id, currency, amount_minor, status, created_at, version)
                            VALUES (:ref, 'SGD', 4200, 'OPEN', :now, 0)""")
                    .bind("ref", referenceOrderId)
                    .bind("now", Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }

        private static void insertAttempt(Handle handle, long order, String paymentRequestId, int number, Long winnerOf) {
            handle.createUpdate("""
                            INSERT INTO payment_attempts (order_id, payment_request_id, status, capture_mode, currency,
                                amount_minor, duplicate, winner_of_order, attempt_number, created_at, updated_at)
                            VALUES (:order, :request, 'AUTHORIZED', 'AUTOMATIC', 'SGD', 4200, FALSE, :winner, :number,
                                :now, :now)""")
                    .bind("order", order)
                    .bind("request", paymentRequestId)
                    .bind("winner", winnerOf)
                    .bind("number", number)
                    .bind("now", Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Suite {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Suite {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
