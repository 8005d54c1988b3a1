package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.payengine.adapters.persistence.OrderFixtures.AMOUNT;
import static org.payengine.adapters.persistence.OrderFixtures.NOW;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;

/**
 * An order read and saved again in one transaction is written by what changed only — the attempt a fact
 * changed, not its siblings — and still reads back exactly as saved, through every kind of change: an
 * authorization, a capture requested and completed, a duplicate success and its refund. An order read in
 * another transaction is saved whole, and reads back the same.
 */
class OrderSavesTest {

    abstract static class Suite {
        private final Database database;
        private final List<String> statements = new CopyOnWriteArrayList<>();

        Suite(TestDatabase databases) {
            this.database = databases.open();
            database.migrate();
            database.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    statements.add(context.getRenderedSql().strip().toLowerCase(Locale.ROOT));
                }
            });
        }

        @Test
        void each_change_writes_only_its_own_rows_and_reads_back_as_saved() {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId first = OrderFixtures.startPendingAttempt(order, CaptureMode.MANUAL);
            PaymentRequestId second = OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
            OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC); // stays pending throughout
            database.transactions().run(() -> database.orders().save(order));
            CaptureRequestId capture = CaptureRequestId.of(OrderFixtures.unique("capture"));
            RefundRequestId refund = RefundRequestId.of(OrderFixtures.unique("refund"));

            assertChangeWrites(order, read -> read.apply(OrderFixtures.success(first), FactSource.NOTIFICATION, NOW),
                    "update payment_attempts");
            assertChangeWrites(order, read -> read.requestCapture(first, AMOUNT, capture, AuditSource.MERCHANT, NOW),
                    "insert into captures");
            assertChangeWrites(order, read -> read.apply(new CaptureSucceeded(OrderFixtures.paymentIdOf(first), capture,
                    CaptureId.of(OrderFixtures.unique("antom-capture")), AMOUNT, NOW), FactSource.NOTIFICATION, NOW),
                    "update payment_attempts", "update captures");
            assertChangeWrites(order, read -> read.apply(OrderFixtures.success(second), FactSource.NOTIFICATION, NOW),
                    "update payment_attempts"); // a duplicate success: the winner stays as it is
            assertChangeWrites(order, read -> read.apply(new CaptureSucceeded(OrderFixtures.paymentIdOf(second),
                    CaptureRequestId.of(OrderFixtures.unique("auto")), CaptureId.of(OrderFixtures.unique("antom-capture")),
                    AMOUNT, NOW), FactSource.NOTIFICATION, NOW), "update payment_attempts", "insert into captures");
            assertChangeWrites(order, read -> read.refundDuplicateInstead(second, refund, "duplicate",
                    AuditSource.WORKER, NOW), "insert into refunds");
            assertChangeWrites(order, read -> read.apply(new RefundSucceeded(refund,
                    RefundId.of(OrderFixtures.unique("antom-refund")), AMOUNT, NOW), FactSource.NOTIFICATION, NOW),
                    "update payment_attempts", "update refunds");
        }

        @Test
        void an_order_read_in_another_transaction_is_saved_whole_and_reads_back_as_saved() {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.MANUAL);
            OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
            database.transactions().run(() -> database.orders().save(order));
            Order read = database.transactions().inTransaction(
                    () -> database.orders().findByReferenceOrderId(order.id()).orElseThrow());
            read.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW);
            read.requestCapture(attempt, AMOUNT, CaptureRequestId.of(OrderFixtures.unique("capture")),
                    AuditSource.MERCHANT, NOW);
            OrderSnapshot expected = read.snapshot().withVersion(read.version() + 1);

            statements.clear();
            database.transactions().run(() -> database.orders().save(read));

            assertEquals(2, count("update payment_attempts"), () -> "every attempt is written: " + statements);
            assertEquals(expected, stored(order));
        }

        /**
         * Reads the order, changes it and saves it in one transaction; checks the writes to the attempts and
         * their captures and refunds (each attempt's row is written at most once, and only when it changed),
         * that the order's rows were not looked up again, and that the order reads back as saved.
         */
        private void assertChangeWrites(Order order, Consumer<Order> change, String... expectedWrites) {
            OrderSnapshot expected = database.transactions().inTransaction(() -> {
                Order read = database.orders().findByReferenceOrderId(order.id()).orElseThrow();
                change.accept(read);
                statements.clear();
                database.orders().save(read);
                return read.snapshot().withVersion(read.version() + 1);
            });

            List<String> attemptWrites = statements.stream()
                    .filter(sql -> List.of("payment_attempts", "captures", "refunds").stream().anyMatch(table ->
                            sql.startsWith("update " + table + " ") || sql.startsWith("insert into " + table + " ")))
                    .map(sql -> sql.substring(0, sql.indexOf(' ', sql.startsWith("insert") ? "insert into ".length()
                            : "update ".length())))
                    .toList();
            assertEquals(List.of(expectedWrites), attemptWrites, () -> "statements: " + statements);
            assertEquals(0, statements.stream().filter(sql -> sql.startsWith("select")
                    && (sql.contains(" from orders") || sql.contains(" from payment_attempts"))).count(),
                    () -> "the order's rows are not looked up again: " + statements);
            assertEquals(expected, stored(order));
        }

        private long count(String statementStart) {
            return statements.stream().filter(sql -> sql.startsWith(statementStart)).count();
        }

        private OrderSnapshot stored(Order order) {
            return database.orders().findByReferenceOrderId(order.id()).orElseThrow().snapshot();
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
