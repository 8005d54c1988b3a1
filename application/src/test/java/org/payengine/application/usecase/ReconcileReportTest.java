package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ReportDecoding;
import org.payengine.application.port.ReportFile;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.InMemoryReconciliations;
import org.payengine.domain.Result;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineTransaction;
import org.payengine.domain.reconciliation.Report;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportRow;
import org.payengine.domain.reconciliation.ReportType;
import org.payengine.domain.reconciliation.ReportedStatus;
import org.payengine.domain.reconciliation.Resolution;
import org.payengine.domain.reconciliation.SignedMoney;
import org.payengine.domain.reconciliation.TransactionType;

class ReconcileReportTest {

    private static final String MERCHANT = "2188120000000001";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final InMemoryReconciliations store = new InMemoryReconciliations();
    private final List<EngineTransaction> engineSuccesses = new ArrayList<>();
    private Report nextReport;
    private final ReconcileReport reconcile = new ReconcileReport(file -> new ReportDecoding.Decoded(nextReport),
            engine.transactions, engine.orders, store, (from, to) -> engineSuccesses.stream()
            .filter(success -> !success.at().isBefore(from) && success.at().isBefore(to)).toList(),
            engine.useCases.syncPayment(), engine.clock, ReconciliationSettings.forMerchant(MERCHANT));

    @Test
    void a_day_the_engine_agrees_with_reconciles_to_no_discrepancy() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        ReportDay day = ReportDay.containing(paid.initiatedAt());
        engine.clock.advance(Duration.ofDays(2));

        ReconcileReport.Reconciled run = reconciled(report(day, row(paid, "SUCCESS", paid.amount().minorUnits())));

        assertEquals(1, run.run().rows());
        assertEquals(1, run.run().matched());
        assertEquals(List.of(), run.run().discrepancies());
        assertTrue(store.listed(List.of(payment(paid).subject())).contains(payment(paid).subject()));
    }

    @Test
    void each_disagreement_is_recorded_once_and_a_missed_success_is_applied_after_asking_antom() {
        PaymentAttempt agreed = UseCaseFixtures.paidPayment(engine, "order-agreed", CaptureMode.AUTOMATIC);
        PaymentAttempt changed = UseCaseFixtures.paidPayment(engine, "order-changed", CaptureMode.AUTOMATIC);
        PaymentAttempt missed = UseCaseFixtures.pendingPayment(engine, "order-missed", CaptureMode.AUTOMATIC);
        engine.gateway.buyerPays(missed.id()); // Antom knows; the notification never reaches the engine
        PaymentAttempt unlisted = UseCaseFixtures.paidPayment(engine, "order-unlisted", CaptureMode.MANUAL);
        engineSuccesses.add(payment(unlisted));
        engineSuccesses.add(payment(agreed));
        ReportDay day = ReportDay.containing(agreed.initiatedAt());
        engine.clock.advance(Duration.ofDays(1));
        ReportRow unknown = new ReportRow(5, TransactionType.PAYMENT, "PAYMENT", "pay-of-someone-else",
                "req-of-someone-else", null, null, "order-unknown", ReportedStatus.SUCCESS, SignedMoney.of("SGD", 100),
                null, List.of(), null, null, null, MERCHANT);

        ReconcileReport.Reconciled run = reconciled(report(day, row(agreed, "SUCCESS", agreed.amount().minorUnits()),
                row(changed, "SUCCESS", changed.amount().minorUnits() + 1), row(missed, "SUCCESS",
                        missed.amount().minorUnits()), unknown));

        Map<DiscrepancyType, Discrepancy> found = run.run().discrepancies().stream()
                .collect(Collectors.toMap(Discrepancy::type, Function.identity()));
        assertEquals(4, run.run().discrepancies().size(), () -> run.run().discrepancies().toString());
        assertEquals("SGD 42.01", found.get(DiscrepancyType.AMOUNT_MISMATCH).actual());
        assertEquals(Resolution.NEEDS_REVIEW, found.get(DiscrepancyType.AMOUNT_MISMATCH).resolution());
        assertEquals("req-of-someone-else", found.get(DiscrepancyType.MISSING_IN_ENGINE).transactionRequestId());
        assertEquals(unlisted.id().value(), found.get(DiscrepancyType.MISSING_IN_REPORT).transactionRequestId());
        Discrepancy status = found.get(DiscrepancyType.STATUS_MISMATCH);
        assertEquals(Resolution.APPLIED_FROM_ANTOM, status.resolution());
        assertFalse(status.isOpen());
        assertEquals(AttemptStatus.CAPTURED, engine.useCases.getPayment().get(missed.id()).orElseThrow().status(),
                "the engine asked Antom and applied its answer");
        assertEquals(1, run.run().matched());
        assertEquals(4, store.events().size());
        assertEquals(3, store.openDiscrepancies());

        ReconcileReport.Reconciled again = reconcile.reconcile(new ReportFile("transactionItems_x.csv",
                "same".getBytes(StandardCharsets.UTF_8)), "upload").value();
        assertTrue(again.repeated());
        assertEquals(run.run().runId(), again.run().runId());
        assertEquals(4, store.events().size(), "importing the same file again changes nothing");
    }

    @Test
    void a_success_is_not_looked_for_before_the_day_is_over() {
        PaymentAttempt unlisted = UseCaseFixtures.paidPayment(engine, "order-today", CaptureMode.MANUAL);
        engineSuccesses.add(payment(unlisted));

        ReconcileReport.Reconciled run = reconciled(report(ReportDay.containing(engine.clock.now())));

        assertEquals(List.of(), run.run().discrepancies());
    }

    @Test
    void a_report_of_another_merchant_or_a_refused_file_changes_nothing() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        ReportRow foreign = new ReportRow(2, TransactionType.PAYMENT, "PAYMENT", "p", "r", null, null, null,
                ReportedStatus.SUCCESS, SignedMoney.of("SGD", 4200), null, List.of(), null, null, null, "2188999");
        nextReport = new Report(ReportType.TRANSACTION_DETAILS, Optional.empty(), List.of(row(paid, "SUCCESS", 4200),
                foreign), List.of());

        Result<ReconcileReport.Reconciled> refused = reconcile.reconcile(file("other"), "upload");

        assertEquals("REPORT_OF_ANOTHER_MERCHANT", refused.rejection().code());
        Result<ReconcileReport.Reconciled> malformed = new ReconcileReport(
                file -> new ReportDecoding.Refused(3, "line 3, column transactionAmountValue: bad"), engine.transactions,
                engine.orders, store, (from, to) -> List.of(), engine.useCases.syncPayment(), engine.clock,
                ReconciliationSettings.forMerchant(MERCHANT)).reconcile(file("malformed"), "upload");
        assertEquals("REPORT_REFUSED", malformed.rejection().code());
        assertTrue(malformed.rejection().message().contains("line 3"));
        assertEquals(List.of(), store.runs(10));
        assertEquals(List.of(), store.events());
    }

    private ReconcileReport.Reconciled reconciled(Report report) {
        nextReport = report;
        Result<ReconcileReport.Reconciled> result = reconcile.reconcile(new ReportFile("transactionItems_x.csv",
                "same".getBytes(StandardCharsets.UTF_8)), "upload");
        assertTrue(result.isAccepted(), () -> result.rejection().message());
        return result.value();
    }

    private static ReportFile file(String text) {
        return new ReportFile(null, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Report report(ReportDay day, ReportRow... rows) {
        return new Report(ReportType.TRANSACTION_DETAILS, Optional.of(day), List.of(rows), List.of());
    }

    private ReportRow row(PaymentAttempt attempt, String status, long amount) {
        String paymentId = engine.gateway.paymentIdOf(attempt.id()).orElseThrow().value();
        return new ReportRow(2, TransactionType.PAYMENT, "PAYMENT", paymentId, attempt.id().value(), null, null,
                attempt.orderId().value(), ReportedStatus.named(status), SignedMoney.of("SGD", amount), null, List.of(),
                null, attempt.initiatedAt(), null, MERCHANT);
    }

    private EngineTransaction payment(PaymentAttempt attempt) {
        return new EngineTransaction(EngineTransaction.Kind.PAYMENT, attempt.orderId(), attempt.id(),
                engine.gateway.paymentIdOf(attempt.id()).orElseThrow(), null, null, attempt.amount(),
                EngineTransaction.Outcome.SUCCEEDED, "AUTHORIZED", attempt.captureMode() == CaptureMode.AUTOMATIC, false,
                attempt.initiatedAt());
    }
}
