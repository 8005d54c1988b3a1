package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.ReportListing;
import org.payengine.domain.event.DiscrepancyFound;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineSubject;
import org.payengine.domain.reconciliation.EngineTransaction;
import org.payengine.domain.reconciliation.Fee;
import org.payengine.domain.reconciliation.ReconciliationRun;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportType;
import org.payengine.domain.reconciliation.ReportedStatus;
import org.payengine.domain.reconciliation.ReportedTransaction;
import org.payengine.domain.reconciliation.Resolution;
import org.payengine.domain.reconciliation.SignedMoney;
import org.payengine.domain.reconciliation.TransactionType;

/** Reconciliation's records on each database: each class starts from an empty one. */
class ReconciliationStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-06T02:00:00Z");

    abstract static class Records {
        private final Database database;

        Records(TestDatabase databases) {
            this.database = databases.migrated();
        }

        @Test
        void a_run_is_stored_with_its_transactions_its_discrepancies_and_their_events_at_once() {
            String runId = OrderFixtures.unique("run");
            Discrepancy missing = discrepancy(runId, DiscrepancyType.MISSING_IN_ENGINE, "CAPTURE|pay-9|cap-9");
            ReportedTransaction settled = transaction(runId, "PAYMENT|pay-1|req-1", new EngineSubject(
                    EngineTransaction.Kind.PAYMENT, "req-1"));
            ReconciliationRun run = run(runId, "fp-" + runId, List.of(missing));
            DiscrepancyFound event = new DiscrepancyFound(new EventId(DiscrepancyFound.streamOf(runId), 1, 0), NOW,
                    ReferenceOrderId.of("order-9"), missing.id(), runId, missing.type(), "cap-9", "pay-9", null,
                    "CAPTURE SUCCESS USD 1.00", Resolution.NEEDS_REVIEW);

            database.transactions().run(() -> database.reconciliations().record(run, List.of(settled), List.of(missing),
                    List.of(event), List.of()));

            assertEquals(Optional.of(run), database.reconciliations().run(runId));
            assertEquals(Optional.of(run), database.reconciliations().runOfFile("fp-" + runId));
            assertEquals(Optional.of(settled), database.reconciliations().transaction(settled.key()));
            assertTrue(database.reconciliations().transactionsOfOrder("order-1").contains(settled));
            assertEquals(Optional.of(missing),
                    database.reconciliations().discrepancy(DiscrepancyType.MISSING_IN_ENGINE, "CAPTURE|pay-9|cap-9"));
            assertTrue(database.reconciliations().discrepancies(true, 100).contains(missing));
            assertEquals(Set.of(new EngineSubject(EngineTransaction.Kind.PAYMENT, "req-1")),
                    database.reconciliations().listed(List.of(new EngineSubject(EngineTransaction.Kind.PAYMENT, "req-1"),
                            new EngineSubject(EngineTransaction.Kind.REFUND, "ref-1"))));
            List<DomainEvent> events = database.outbox().eventsOf(ReferenceOrderId.of("order-9"));
            assertEquals(List.of(event), events);
            assertEquals(event, database.outbox().claim(100, NOW.plusSeconds(1), Duration.ofMinutes(1)).stream()
                    .map(pending -> pending.event()).filter(pending -> pending.id().equals(event.id()))
                    .findFirst().orElseThrow());
        }

        @Test
        void the_same_file_is_stored_once_and_a_discrepancy_once_per_type_and_transaction() {
            String runId = OrderFixtures.unique("run");
            database.transactions().run(() -> database.reconciliations().record(run(runId, "fp-once-" + runId, List.of()),
                    List.of(), List.of(), List.of(), List.of()));

            assertThrows(ConcurrentUpdateException.class, () -> database.transactions().run(() -> database
                    .reconciliations().record(run(OrderFixtures.unique("run"), "fp-once-" + runId, List.of()), List.of(),
                            List.of(), List.of(), List.of())));

            Discrepancy first = discrepancy(runId, DiscrepancyType.AMOUNT_MISMATCH, "PAYMENT|p|r-" + runId);
            String second = OrderFixtures.unique("run");
            database.transactions().run(() -> database.reconciliations().record(run(second, "fp-" + second,
                    List.of(first)), List.of(), List.of(first), List.of(), List.of()));
            Discrepancy again = discrepancy(runId, DiscrepancyType.AMOUNT_MISMATCH, "PAYMENT|p|r-" + runId);
            String third = OrderFixtures.unique("run");
            assertThrows(ConcurrentUpdateException.class, () -> database.transactions().run(() -> database
                    .reconciliations().record(run(third, "fp-" + third, List.of(again)), List.of(), List.of(again),
                            List.of(), List.of())));
        }

        @Test
        void a_later_report_updates_what_is_known_of_a_transaction_and_a_closed_discrepancy_leaves_the_open_list() {
            String runId = OrderFixtures.unique("run");
            Discrepancy open = discrepancy(runId, DiscrepancyType.MISSING_IN_REPORT, "PAYMENT:req-" + runId);
            ReportedTransaction fromTransactions = transaction(runId, "CAPTURE|pay-2|cap-" + runId, null);
            database.transactions().run(() -> database.reconciliations().record(run(runId, "fp-" + runId, List.of(open)),
                    List.of(fromTransactions), List.of(open), List.of(), List.of()));
            long openBefore = database.reconciliations().openDiscrepancies();

            String later = OrderFixtures.unique("run");
            ReportedTransaction settled = fromTransactions.updatedBy(new ReportedTransaction(fromTransactions.key(),
                    TransactionType.CAPTURE, "pay-2", fromTransactions.transactionRequestId(), "order-1", null,
                    ReportedStatus.SUCCESS, SignedMoney.of("USD", 10000), SignedMoney.of("USD", 9765),
                    List.of(new Fee("interchangeFee", SignedMoney.of("USD", -235))), "batch-1", null,
                    NOW.plus(Duration.ofDays(2)), later), false);
            Discrepancy closed = open.closed(Resolution.LISTED_LATER, "listed later", NOW.plusSeconds(60));
            database.transactions().run(() -> database.reconciliations().record(run(later, "fp-" + later, List.of()),
                    List.of(settled), List.of(), List.of(), List.of(closed)));

            ReportedTransaction stored = database.reconciliations().transaction(fromTransactions.key()).orElseThrow();
            assertEquals(SignedMoney.of("USD", 9765), stored.settlementAmount());
            assertEquals(SignedMoney.of("USD", -235), stored.totalFees());
            assertEquals(ReportedStatus.FAIL, stored.status(), "a settlement report says nothing of the status");
            assertEquals(openBefore - 1, database.reconciliations().openDiscrepancies());
            assertEquals(Resolution.LISTED_LATER, database.reconciliations()
                    .discrepancy(DiscrepancyType.MISSING_IN_REPORT, open.subjectKey()).orElseThrow().resolution());
            assertEquals(later, database.reconciliations().runs(1).get(0).runId());
        }

        @Test
        void the_engines_successes_are_read_by_when_they_were_made() {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId paid = OrderFixtures.startPendingAttempt(order, CaptureMode.MANUAL);
            order.apply(OrderFixtures.success(paid), FactSource.NOTIFICATION, OrderFixtures.NOW);
            database.transactions().run(() -> database.orders().save(order));

            List<EngineTransaction> made = database.succeededTransactions().madeBetween(
                    OrderFixtures.NOW.minus(Duration.ofHours(1)), OrderFixtures.NOW.plus(Duration.ofHours(1)));

            EngineTransaction payment = made.stream().filter(success -> success.paymentRequestId().equals(paid))
                    .findFirst().orElseThrow();
            assertEquals(EngineTransaction.Kind.PAYMENT, payment.kind());
            assertEquals(EngineTransaction.Outcome.SUCCEEDED, payment.outcome());
            assertEquals(OrderFixtures.AMOUNT, payment.amount());
            assertEquals(List.of(), database.succeededTransactions().madeBetween(
                    OrderFixtures.NOW.plus(Duration.ofHours(1)), OrderFixtures.NOW.plus(Duration.ofHours(2))).stream()
                    .filter(success -> success.paymentRequestId().equals(paid)).toList());
            assertInstanceOf(EngineTransaction.class, payment);
        }

        @Test
        void a_due_job_is_claimed_by_one_node_until_it_finishes_or_its_lease_runs_out() {
            String job = OrderFixtures.unique("job");
            Instant due = NOW;
            var first = database.scheduledJobs().claim(job, NOW, due, Duration.ofMinutes(30), "node-a");
            var second = database.scheduledJobs().claim(job, NOW.plusSeconds(1), due, Duration.ofMinutes(30), "node-b");

            assertTrue(first.isPresent());
            assertTrue(second.isEmpty(), "leased to node-a");
            assertTrue(database.scheduledJobs().claim(job, NOW.plus(Duration.ofMinutes(31)), due, Duration.ofMinutes(30),
                    "node-b").isPresent(), "a lease that ran out lets another node take the job");

            String daily = OrderFixtures.unique("job");
            var claim = database.scheduledJobs().claim(daily, NOW, NOW, Duration.ofMinutes(30), "node-a").orElseThrow();
            database.scheduledJobs().finish(claim, NOW.plus(Duration.ofDays(1)), "done", NOW);
            assertTrue(database.scheduledJobs().claim(daily, NOW.plus(Duration.ofHours(1)), NOW, Duration.ofMinutes(30),
                    "node-b").isEmpty(), "not due again before tomorrow");
            assertTrue(database.scheduledJobs().claim(daily, NOW.plus(Duration.ofDays(1)), NOW, Duration.ofMinutes(30),
                    "node-b").isPresent());
            assertTrue(database.scheduledJobs().claim(OrderFixtures.unique("job"), NOW, NOW.plusSeconds(60),
                    Duration.ofMinutes(30), "node-a").isEmpty(), "a new job is first due when it says");
        }

        @Test
        void a_taken_file_is_remembered_by_its_source_path_size_and_time() {
            ReportListing file = new ReportListing("/v1/settlements/2188/20260105/transactionItems_20260105_000.csv",
                    120, NOW);
            String source = OrderFixtures.unique("sftp://host");

            database.transactions().run(() -> database.reconciliations().markTaken(source, file, null, "REFUSED", NOW));

            assertTrue(database.reconciliations().taken(source, file));
            assertTrue(!database.reconciliations().taken(source, new ReportListing(file.path(), 121, NOW)),
                    "re-issued with another size, it is new");
            assertTrue(!database.reconciliations().taken(OrderFixtures.unique("file:/x"), file));
        }

        private static ReconciliationRun run(String runId, String fingerprint, List<Discrepancy> found) {
            return new ReconciliationRun(runId, ReportType.TRANSACTION_DETAILS, "upload", "transactionItems_20260105_000.csv",
                    fingerprint, Optional.of(ReportDay.of(LocalDate.of(2026, 1, 5))), 3, 2, NOW, found);
        }

        private static Discrepancy discrepancy(String runId, DiscrepancyType type, String subject) {
            return new Discrepancy(OrderFixtures.unique("dsc"), runId, type, subject, "cap-9", "pay-9",
                    ReferenceOrderId.of("order-9"), null, "CAPTURE SUCCESS USD 1.00", Resolution.NEEDS_REVIEW, null,
                    NOW, null);
        }

        private static ReportedTransaction transaction(String runId, String key, EngineSubject subject) {
            return new ReportedTransaction(key, TransactionType.PAYMENT, "pay-1", "req-1", "order-1", subject,
                    ReportedStatus.FAIL, SignedMoney.of("USD", 10000), null, List.of(), null, NOW, null, runId);
        }
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Records {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Records {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
