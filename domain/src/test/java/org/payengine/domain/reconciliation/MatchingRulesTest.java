package org.payengine.domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.reconciliation.EngineTransaction.Kind;
import org.payengine.domain.reconciliation.EngineTransaction.Outcome;

class MatchingRulesTest {

    private static final Instant AT = Instant.parse("2026-01-05T03:00:00Z");

    @Test
    void a_row_the_engine_knows_and_agrees_with_matches() {
        assertEquals(RowVerdict.AGREES, MatchingRules.judge(row(TransactionType.PAYMENT, "SUCCESS", "USD", 10000),
                Optional.of(payment(Outcome.SUCCEEDED, "CAPTURED", false))));
        assertEquals(RowVerdict.AGREES, MatchingRules.judge(row(TransactionType.REFUND, "SUCCESS", "USD", -10000),
                Optional.of(refund(Outcome.SUCCEEDED))), "a refund written negative is the same refund");
        assertEquals(RowVerdict.AGREES, MatchingRules.judge(row(TransactionType.PAYMENT, "FAIL", "USD", 10000),
                Optional.of(payment(Outcome.FAILED, "FAILED", false))));
    }

    @Test
    void a_transaction_of_the_engines_kind_the_engine_does_not_know_is_missing_in_the_engine() {
        RowVerdict verdict = MatchingRules.judge(row(TransactionType.CAPTURE, "SUCCESS", "USD", 10000), Optional.empty());

        assertEquals(List.of(new Finding(DiscrepancyType.MISSING_IN_ENGINE, null, "CAPTURE SUCCESS USD 100.00", false)),
                verdict.findings());
    }

    @Test
    void disputes_fees_and_reserves_are_kept_but_not_matched() {
        for (TransactionType type : List.of(TransactionType.DISPUTE, TransactionType.SETTLEMENT_FEE,
                TransactionType.RESERVE, TransactionType.OTHER)) {
            assertEquals(RowVerdict.OUTSIDE_ENGINE, MatchingRules.judge(row(type, "SUCCESS", "USD", 100), Optional.empty()));
        }
    }

    @Test
    void amounts_and_currencies_are_compared_currency_first() {
        RowVerdict amount = MatchingRules.judge(row(TransactionType.PAYMENT, "SUCCESS", "USD", 10001),
                Optional.of(payment(Outcome.SUCCEEDED, "CAPTURED", false)));
        assertEquals(List.of(new Finding(DiscrepancyType.AMOUNT_MISMATCH, "USD 100.00", "USD 100.01", false)),
                amount.findings());

        RowVerdict currency = MatchingRules.judge(row(TransactionType.PAYMENT, "SUCCESS", "SGD", 10001),
                Optional.of(payment(Outcome.SUCCEEDED, "CAPTURED", false)));
        assertEquals(List.of(new Finding(DiscrepancyType.CURRENCY_MISMATCH, "USD", "SGD", false)), currency.findings());
    }

    @Test
    void antoms_success_the_engine_has_not_reached_makes_the_engine_ask_antom() {
        for (Outcome outcome : List.of(Outcome.NOT_REACHED, Outcome.FAILED)) {
            RowVerdict verdict = MatchingRules.judge(row(TransactionType.PAYMENT, "SUCCESS", "USD", 10000),
                    Optional.of(payment(outcome, "PENDING", false)));
            assertEquals(List.of(new Finding(DiscrepancyType.STATUS_MISMATCH, "PENDING", "SUCCESS", true)),
                    verdict.findings());
            assertTrue(verdict.asksAntom());
        }
    }

    @Test
    void antoms_failure_where_the_engine_has_a_success_is_for_review_never_acted_on() {
        RowVerdict verdict = MatchingRules.judge(row(TransactionType.PAYMENT, "FAIL", "USD", 10000),
                Optional.of(payment(Outcome.SUCCEEDED, "CAPTURED", false)));

        assertEquals(List.of(new Finding(DiscrepancyType.STATUS_MISMATCH, "CAPTURED", "FAIL", false)), verdict.findings());
        assertFalse(verdict.asksAntom());
    }

    @Test
    void a_cancelled_payment_agrees_with_a_cancelled_attempt_and_a_processing_row_compares_no_status() {
        assertEquals(RowVerdict.AGREES, MatchingRules.judge(row(TransactionType.AUTHORIZATION, "CANCELLED", "USD", 10000),
                Optional.of(payment(Outcome.SUCCEEDED, "CANCELLED", true))));
        assertTrue(MatchingRules.judge(row(TransactionType.AUTHORIZATION, "CANCELLED", "USD", 10000),
                Optional.of(payment(Outcome.SUCCEEDED, "AUTHORIZED", false))).asksAntom());
        assertEquals(RowVerdict.AGREES, MatchingRules.judge(row(TransactionType.PAYMENT, "PROCESSING", "USD", 10000),
                Optional.of(payment(Outcome.SUCCEEDED, "CAPTURED", false))));
    }

    @Test
    void a_success_no_report_lists_is_missing_in_the_report_and_an_automatic_capture_goes_with_its_payment() {
        EngineTransaction listedPayment = payment(Outcome.SUCCEEDED, "CAPTURED", false);
        EngineTransaction autoCapture = new EngineTransaction(Kind.CAPTURE, listedPayment.orderId(),
                listedPayment.paymentRequestId(), listedPayment.paymentId(), null, "cap-1", Money.of("USD", 10000),
                Outcome.SUCCEEDED, "SUCCEEDED", true, false, AT);
        EngineTransaction unlisted = refund(Outcome.SUCCEEDED);
        EngineTransaction failed = payment(Outcome.FAILED, "FAILED", false);

        List<Finding> findings = MatchingRules.missingFromReports(List.of(listedPayment, autoCapture, unlisted, failed),
                Set.of(listedPayment.subject()));

        assertEquals(List.of(new Finding(DiscrepancyType.MISSING_IN_REPORT, "REFUND SUCCEEDED USD 100.00", null, false)),
                findings);
    }

    private static ReportRow row(TransactionType type, String status, String currency, long amount) {
        return new ReportRow(2, type, type.name(), "pay-1", "req-1", null, null, "order-1", ReportedStatus.named(status),
                SignedMoney.of(currency, amount), null, List.of(), null, AT, null, "2188");
    }

    private static EngineTransaction payment(Outcome outcome, String status, boolean cancelled) {
        return new EngineTransaction(Kind.PAYMENT, ReferenceOrderId.of("order-1"), PaymentRequestId.of("req-1"),
                PaymentId.of("pay-1"), null, null, Money.of("USD", 10000), outcome, status, true, cancelled, AT);
    }

    private static EngineTransaction refund(Outcome outcome) {
        return new EngineTransaction(Kind.REFUND, ReferenceOrderId.of("order-1"), PaymentRequestId.of("req-1"),
                PaymentId.of("pay-1"), "refund-1", null, Money.of("USD", 10000), outcome, outcome.name(), true, false, AT);
    }
}
