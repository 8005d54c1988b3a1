package org.payengine.domain.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.payengine.domain.reconciliation.EngineTransaction.Kind;
import org.payengine.domain.reconciliation.EngineTransaction.Outcome;

/**
 * The rules that compare Antom's report with the engine's records, one transaction at a time. Pure: what to do
 * about a disagreement (ask Antom, record it, tell the merchant) is the application's.
 *
 * <p>Status, by what the report says (a row without a status is a success, see {@link ReportedStatus}):
 * <pre>
 * report      engine SUCCEEDED          engine FAILED        engine NOT_REACHED
 * SUCCESS     agrees                    mismatch, ask Antom  mismatch, ask Antom
 * FAIL        mismatch, for review      agrees               mismatch, ask Antom
 * CANCELLED   agrees once cancelled,    agrees               mismatch, ask Antom
 *             else mismatch, ask Antom
 * PROCESSING  (nothing compared: the report is a snapshot older than what the engine may have learnt since)
 * </pre>
 * A failure where the engine has a success is never acted on: a report is evidence, not a signed fact, and a person
 * looks. Amounts compare the magnitude (a report may write a refund negative) in the transaction currency; a
 * different currency is a currency mismatch and its amount is not compared.
 */
public final class MatchingRules {

    private MatchingRules() {
    }

    /**
     * Judges one row.
     *
     * @param engine what the engine knows of the row's transaction, or empty when it knows nothing of it
     */
    public static RowVerdict judge(ReportRow row, Optional<EngineTransaction> engine) {
        if (!row.type().isEngineMade()) {
            return RowVerdict.OUTSIDE_ENGINE;
        }
        if (engine.isEmpty()) {
            return RowVerdict.disagrees(List.of(new Finding(DiscrepancyType.MISSING_IN_ENGINE, null, row.describe(),
                    false)));
        }
        EngineTransaction known = engine.get();
        List<Finding> findings = new ArrayList<>(2);
        amountFinding(row, known).ifPresent(findings::add);
        statusFinding(row, known).ifPresent(findings::add);
        return findings.isEmpty() ? RowVerdict.AGREES : RowVerdict.disagrees(findings);
    }

    /**
     * The engine's successes no report lists: each is {@link DiscrepancyType#MISSING_IN_REPORT}. A capture that Antom
     * made by itself counts as listed when its payment is (a report may give an automatically captured payment one
     * row).
     *
     * @param successes the engine's successes of a day whose report is final
     * @param listed    every engine transaction some imported report row was matched to
     */
    public static List<Finding> missingFromReports(Collection<EngineTransaction> successes, Set<EngineSubject> listed) {
        List<Finding> findings = new ArrayList<>();
        for (EngineTransaction success : successes) {
            if (success.outcome() != Outcome.SUCCEEDED || listed.contains(success.subject())) {
                continue;
            }
            boolean capturedWithPayment = success.kind() == Kind.CAPTURE && success.automaticCapture()
                    && listed.contains(new EngineSubject(Kind.PAYMENT, success.paymentRequestId().value()));
            if (!capturedWithPayment) {
                findings.add(new Finding(DiscrepancyType.MISSING_IN_REPORT, success.describe(), null, false));
            }
        }
        return findings;
    }

    private static Optional<Finding> amountFinding(ReportRow row, EngineTransaction engine) {
        SignedMoney reported = row.transactionAmount();
        if (reported == null || (row.type() == TransactionType.CANCEL || row.type() == TransactionType.VOID)
                && reported.isZero()) {
            return Optional.empty();
        }
        if (!reported.currency().equals(engine.amount().currency())) {
            return Optional.of(new Finding(DiscrepancyType.CURRENCY_MISMATCH, engine.amount().currencyCode(),
                    reported.currencyCode(), false));
        }
        if (reported.magnitude().minorUnits() != engine.amount().minorUnits()) {
            return Optional.of(new Finding(DiscrepancyType.AMOUNT_MISMATCH, engine.amount().toString(),
                    reported.magnitude().toString(), false));
        }
        return Optional.empty();
    }

    private static Optional<Finding> statusFinding(ReportRow row, EngineTransaction engine) {
        Outcome outcome = engine.outcome();
        ReportedStatus status = row.status() == ReportedStatus.CANCELLED && engine.kind() != Kind.PAYMENT
                ? ReportedStatus.FAIL : row.status();
        boolean agrees;
        boolean askAntom;
        switch (status) {
            case SUCCESS -> {
                agrees = outcome == Outcome.SUCCEEDED;
                askAntom = true;
            }
            case FAIL -> {
                agrees = outcome == Outcome.FAILED;
                askAntom = outcome == Outcome.NOT_REACHED;
            }
            case CANCELLED -> {
                agrees = outcome == Outcome.FAILED || engine.cancelled();
                askAntom = true;
            }
            default -> {
                agrees = true;
                askAntom = false;
            }
        }
        return agrees ? Optional.empty()
                : Optional.of(new Finding(DiscrepancyType.STATUS_MISMATCH, engine.status(), row.status().name(), askAntom));
    }
}
