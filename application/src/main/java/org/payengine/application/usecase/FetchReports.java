package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.ReportListing;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ReportSourceUnavailableException;
import org.payengine.application.port.Transactions;
import org.payengine.domain.Result;
import org.payengine.domain.reconciliation.ReconciliationRun;

/**
 * Takes the report files of a source that were not taken before, and checks each against the engine's records
 * ({@link ReconcileReport}), in the order Antom produces them: by directory (one a day), the day's transaction report
 * before the settlement reports. Each file is remembered as taken once checked (or refused, with why), so it is never
 * taken again — unless Antom re-issues it (another size or time: a report whose fees were completed later). Nothing
 * at the source is ever deleted or changed. Only the CSV reports are read; other files (Antom's XLSX copies) are
 * remembered as skipped.
 */
public final class FetchReports {

    private final ReconcileReport reconcileReport;
    private final Transactions transactions;
    private final Reconciliations store;
    private final Clock clock;

    @Inject
    public FetchReports(ReconcileReport reconcileReport, Transactions transactions, Reconciliations store, Clock clock) {
        this.reconcileReport = reconcileReport;
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @return what became of each file taken now, in the order taken (empty when nothing was new)
     * @throws ReportSourceUnavailableException when the source cannot be read (the files not taken yet wait for the
     *                                          next time)
     */
    public List<Fetched> fetchNew(ReportSource source) {
        String name = source.name();
        List<ReportListing> listed = new ArrayList<>(source.list());
        listed.sort(Comparator.comparing(FetchReports::directory).thenComparing(FetchReports::rank)
                .thenComparing(ReportListing::path));
        List<Fetched> fetched = new ArrayList<>();
        for (ReportListing file : listed) {
            if (transactions.inTransaction(() -> store.taken(name, file))) {
                continue;
            }
            Fetched outcome = take(source, name, file);
            transactions.run(() -> store.markTaken(name, file, outcome.run() == null ? null : outcome.run().runId(),
                    outcome.outcome() + (outcome.message() == null ? "" : ": " + outcome.message()), clock.now()));
            fetched.add(outcome);
        }
        return fetched;
    }

    private Fetched take(ReportSource source, String name, ReportListing file) {
        if (!file.fileName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new Fetched(file, Outcome.SKIPPED, null, "only the CSV reports are read");
        }
        ReportFile content = source.fetch(file);
        Result<ReconcileReport.Reconciled> result = reconcileReport.reconcile(content, name + file.path());
        if (!result.isAccepted()) {
            return new Fetched(file, Outcome.REFUSED, null, result.rejection().message());
        }
        ReconcileReport.Reconciled reconciled = result.value();
        return new Fetched(file, reconciled.repeated() ? Outcome.REPEATED : Outcome.CHECKED, reconciled.run(), null);
    }

    private static String directory(ReportListing file) {
        int slash = file.path().lastIndexOf('/');
        return slash < 0 ? "" : file.path().substring(0, slash);
    }

    /** A day's transaction report first, then its settlement details, then the summaries. */
    private static int rank(ReportListing file) {
        String lower = file.fileName().toLowerCase(Locale.ROOT);
        if (lower.startsWith("transactionitems") || lower.startsWith("transaction_detail")) {
            return 0;
        }
        if (lower.startsWith("settlementitems") || lower.startsWith("settlement_detail")) {
            return 1;
        }
        return 2;
    }

    /** What became of one file. */
    public enum Outcome {
        /** Checked against the engine's records: a new run. */
        CHECKED,
        /** The same file (name and bytes) was checked before, under another path or time: nothing changed. */
        REPEATED,
        /** Not one of Antom's reports this engine may apply (incomplete, malformed, another merchant's). */
        REFUSED,
        /** Not a CSV report. */
        SKIPPED
    }

    /**
     * @param run     the run, when the file was checked (or had been)
     * @param message why it was refused or skipped
     */
    public record Fetched(ReportListing file, Outcome outcome, ReconciliationRun run, String message) {
        public Fetched {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
