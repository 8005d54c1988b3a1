package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportDecoder;
import org.payengine.application.port.ReportDecoding;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.SucceededTransactions;
import org.payengine.application.port.Transactions;
import org.payengine.domain.Result;
import org.payengine.domain.event.DiscrepancyFound;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineSubject;
import org.payengine.domain.reconciliation.EngineTransaction;
import org.payengine.domain.reconciliation.Finding;
import org.payengine.domain.reconciliation.MatchingRules;
import org.payengine.domain.reconciliation.ReconciliationRun;
import org.payengine.domain.reconciliation.Report;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportRow;
import org.payengine.domain.reconciliation.ReportType;
import org.payengine.domain.reconciliation.ReportedTransaction;
import org.payengine.domain.reconciliation.Resolution;
import org.payengine.domain.reconciliation.RowVerdict;

/**
 * Checks one of Antom's report files against the engine's records: each row is matched to the engine's transaction
 * ({@link EngineRecords}) and judged by the {@link MatchingRules}; each disagreement is recorded once as a
 * {@link Discrepancy}, with an event to the merchant; what the report says of each transaction (status, fees,
 * settlement) is kept. Once a transaction report's day is final, the engine's successes of that day that no report
 * lists are discrepancies too.
 *
 * <p>A report is evidence, not a signed fact. Where it says Antom reached a result the engine has not, the engine
 * asks Antom ({@link SyncPayment}) and applies the answer as it would any other; the discrepancy is then closed if
 * the engine now agrees. A failure where the engine has a success is left for a person, never acted on.
 *
 * <p>Importing the same file again (the same name and bytes) changes nothing and answers the first run. A refused
 * file (incomplete, malformed, another merchant's) changes nothing at all.
 */
public final class ReconcileReport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReportDecoder decoder;
    private final Transactions transactions;
    private final Reconciliations store;
    private final SucceededTransactions successes;
    private final SyncPayment syncPayment;
    private final Clock clock;
    private final ReconciliationSettings settings;
    private final EngineRecords records;

    @Inject
    public ReconcileReport(ReportDecoder decoder, Transactions transactions, Orders orders, Reconciliations store,
                           SucceededTransactions successes, SyncPayment syncPayment, Clock clock,
                           ReconciliationSettings settings) {
        this.decoder = decoder;
        this.transactions = transactions;
        this.store = store;
        this.successes = successes;
        this.syncPayment = syncPayment;
        this.clock = clock;
        this.settings = settings;
        this.records = new EngineRecords(transactions, orders);
    }

    /**
     * @param source where the file came from, for the record ({@code upload}, {@code sftp://host/path}, …)
     * @return the run (with {@link Reconciled#repeated()} when this file was imported before), or why the file is refused
     */
    public Result<Reconciled> reconcile(ReportFile file, String source) {
        String fingerprint = file.fingerprint();
        Optional<ReconciliationRun> earlier = transactions.inTransaction(() -> store.runOfFile(fingerprint));
        if (earlier.isPresent()) {
            return Result.accepted(new Reconciled(earlier.get(), true));
        }
        if (settings.merchantId().isEmpty()) {
            return Result.refused(new ReconciliationRejection.NotConfigured(
                    "the engine's Antom merchant id is not set, so its reports cannot be told from another merchant's"));
        }
        ReportDecoding decoding = decoder.decode(file);
        if (decoding instanceof ReportDecoding.Refused refused) {
            return Result.refused(new ReconciliationRejection.ReportRefused(refused.line(), refused.message()));
        }
        Report report = ((ReportDecoding.Decoded) decoding).report();
        String merchant = settings.merchantId().get();
        Optional<String> other = report.merchantIds().stream().filter(id -> !id.equals(merchant)).findFirst();
        if (other.isPresent()) {
            return Result.refused(new ReconciliationRejection.OtherMerchant(other.get(), merchant));
        }
        return Result.accepted(check(report, file, source, fingerprint));
    }

    private Reconciled check(Report report, ReportFile file, String source, String fingerprint) {
        Instant startedAt = clock.now();
        String runId = newId("run");
        Run run = new Run(runId, report.type(), startedAt);
        for (ReportRow row : report.rows()) {
            run.judge(row);
        }
        if (report.type() == ReportType.TRANSACTION_DETAILS && report.day().isPresent()) {
            run.lookForUnlistedSuccesses(report.day().get());
        }
        ReconciliationRun stored = new ReconciliationRun(runId, report.type(), source, file.name(), fingerprint,
                report.day(), report.size(), run.matched, startedAt, run.found());
        // a concurrent import of the same file makes this transaction run again, and then it finds that run
        return transactions.inTransaction(() -> store.runOfFile(fingerprint)
                .map(theirs -> new Reconciled(theirs, true))
                .orElseGet(() -> {
                    store.record(stored, run.transactions(), run.newDiscrepancies, run.events, run.closedNow());
                    return new Reconciled(stored, false);
                }));
    }

    /** What one run finds, row by row. */
    private final class Run {
        private final String runId;
        private final ReportType reportType;
        private final Instant startedAt;
        private int matched;
        private final Map<String, ReportedTransaction> reported = new LinkedHashMap<>();
        private final Set<EngineSubject> listedHere = new HashSet<>();
        private final Map<String, Discrepancy> found = new LinkedHashMap<>();
        private final List<Discrepancy> newDiscrepancies = new ArrayList<>();
        private final List<DiscrepancyFound> events = new ArrayList<>();
        private final Map<String, Discrepancy> closed = new LinkedHashMap<>();

        Run(String runId, ReportType reportType, Instant startedAt) {
            this.runId = runId;
            this.reportType = reportType;
            this.startedAt = startedAt;
        }

        void judge(ReportRow row) {
            Optional<EngineTransaction> engine = records.find(row);
            RowVerdict verdict = MatchingRules.judge(row, engine);
            List<Finding> settled = List.of();
            String inquiry = null;
            if (verdict.asksAntom()) {
                Result<SyncPayment.Synced> synced = syncPayment.sync(engine.orElseThrow().paymentRequestId());
                inquiry = synced.isAccepted() ? "the engine asked Antom (" + synced.value().detail()
                        + "); the payment is now " + synced.value().attempt().status()
                        : "the engine could not ask Antom: " + synced.rejection().message();
                engine = records.find(row);
                RowVerdict after = MatchingRules.judge(row, engine);
                settled = verdict.findings().stream().filter(finding -> after.findings().stream()
                        .noneMatch(still -> still.type() == finding.type())).toList();
                verdict = after;
            }
            if (verdict.match() == RowVerdict.Match.AGREES && settled.isEmpty()) {
                matched++;
            }
            EngineSubject subject = engine.map(EngineTransaction::subject).orElse(null);
            if (subject != null) {
                listedHere.add(subject);
            }
            reported.merge(row.key(), ReportedTransaction.of(row, subject, runId),
                    (first, later) -> first.updatedBy(later, reportType == ReportType.TRANSACTION_DETAILS));
            ReferenceOrderId order = engine.map(EngineTransaction::orderId).orElseGet(() -> orderOf(row));
            for (Finding finding : verdict.findings()) {
                record(finding, row.key(), row.transactionRequestId(), row.transactionId(), order, inquiry, null);
            }
            for (Finding finding : settled) {
                record(finding, row.key(), row.transactionRequestId(), row.transactionId(), order, inquiry,
                        Resolution.APPLIED_FROM_ANTOM);
            }
        }

        void lookForUnlistedSuccesses(ReportDay day) {
            if (startedAt.isBefore(day.end().plus(settings.clockTolerance()))) {
                return; // the day is not over everywhere yet: its report may still grow
            }
            List<EngineTransaction> made = successes.madeBetween(day.start().minus(settings.clockTolerance()),
                    day.end().minus(settings.clockTolerance()));
            Set<EngineSubject> listed = new HashSet<>(listedHere);
            listed.addAll(transactions.inTransaction(() -> store.listed(
                    made.stream().map(EngineTransaction::subject).toList())));
            Map<EngineSubject, EngineTransaction> bySubject = new LinkedHashMap<>();
            made.forEach(success -> bySubject.put(success.subject(), success));
            for (EngineTransaction success : made) {
                for (Finding finding : MatchingRules.missingFromReports(List.of(success), listed)) {
                    record(finding, success.subject().key(),
                            success.requestId() != null ? success.requestId() : success.paymentRequestId().value(),
                            success.antomId() != null ? success.antomId()
                                    : success.paymentId() == null ? null : success.paymentId().value(),
                            success.orderId(), null, null);
                }
            }
            closeListedLater();
        }

        /** Discrepancies "missing in report" that this report now lists are closed. */
        private void closeListedLater() {
            for (EngineSubject subject : listedHere) {
                transactions.inTransaction(() -> store.discrepancy(DiscrepancyType.MISSING_IN_REPORT, subject.key()))
                        .filter(Discrepancy::isOpen)
                        .ifPresent(open -> closed.put(open.id(), open.closed(Resolution.LISTED_LATER,
                                "listed by the report of run " + runId, startedAt)));
            }
        }

        private void record(Finding finding, String subjectKey, String requestId, String transactionId,
                            ReferenceOrderId order, String detail, Resolution settledAs) {
            String key = finding.type() + " " + subjectKey;
            if (found.containsKey(key)) {
                return;
            }
            Optional<Discrepancy> known = transactions.inTransaction(() -> store.discrepancy(finding.type(), subjectKey));
            if (known.isPresent()) {
                found.put(key, known.get());
                return;
            }
            Resolution resolution = settledAs != null ? settledAs : Resolution.NEEDS_REVIEW;
            Discrepancy discrepancy = new Discrepancy(newId("dsc"), runId, finding.type(), subjectKey, requestId,
                    transactionId, order, finding.expected(), finding.actual(), resolution, detail, startedAt,
                    resolution.isOpen() ? null : startedAt);
            found.put(key, discrepancy);
            newDiscrepancies.add(discrepancy);
            events.add(new DiscrepancyFound(new EventId(DiscrepancyFound.streamOf(runId), 1, events.size()),
                    startedAt, order, discrepancy.id(), runId, discrepancy.type(), requestId, transactionId,
                    discrepancy.expected(), discrepancy.actual(), resolution));
        }

        List<Discrepancy> found() {
            return List.copyOf(found.values());
        }

        List<Discrepancy> closedNow() {
            return List.copyOf(closed.values());
        }

        List<ReportedTransaction> transactions() {
            List<ReportedTransaction> merged = new ArrayList<>();
            for (ReportedTransaction transaction : reported.values()) {
                Optional<ReportedTransaction> before = transactions.inTransaction(() -> store.transaction(transaction.key()));
                merged.add(before.map(earlier -> earlier.updatedBy(transaction,
                        reportType == ReportType.TRANSACTION_DETAILS)).orElse(transaction));
            }
            return merged;
        }
    }

    private static ReferenceOrderId orderOf(ReportRow row) {
        try {
            return row.referenceOrderId() == null ? null : ReferenceOrderId.of(row.referenceOrderId());
        } catch (IllegalArgumentException notAnOrderId) {
            return null;
        }
    }

    private static String newId(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return prefix + "_" + HexFormat.of().formatHex(random);
    }

    /**
     * A run.
     *
     * @param repeated whether the file was imported before (then this is that run, and nothing changed now)
     */
    public record Reconciled(ReconciliationRun run, boolean repeated) {
    }
}
