package org.payengine.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.payengine.domain.event.DiscrepancyFound;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineSubject;
import org.payengine.domain.reconciliation.ReconciliationRun;
import org.payengine.domain.reconciliation.ReportedTransaction;

/**
 * What reconciliation keeps: its runs (one per report file, found again by the file's fingerprint), the discrepancies
 * they found (once per type and transaction, open or closed), and what the reports say of each transaction (fees,
 * settlement amount, batch and dates). Used inside {@link Transactions}; every method sees the writes of its own
 * transaction. Thread-safe.
 */
public interface Reconciliations {

    /** The run that imported the file with this {@link ReportFile#fingerprint() fingerprint}, if one did. */
    Optional<ReconciliationRun> runOfFile(String fingerprint);

    Optional<ReconciliationRun> run(String runId);

    /** The most recent runs, newest first, at most {@code limit}. */
    List<ReconciliationRun> runs(int limit);

    /** The discrepancy of this type about this transaction, open or closed, if one was recorded. */
    Optional<Discrepancy> discrepancy(DiscrepancyType type, String subjectKey);

    /** Discrepancies newest first, at most {@code limit}; only the open ones when {@code openOnly}. */
    List<Discrepancy> discrepancies(boolean openOnly, int limit);

    /** How many discrepancies are open (waiting for a person). */
    long openDiscrepancies();

    /** How many runs are stored, and how many discrepancies of each type are open: for monitoring. */
    Figures figures();

    /**
     * @param runs       every run stored (a file imported again counts once)
     * @param openByType open discrepancies by type; types without one may be left out
     */
    record Figures(long runs, Map<DiscrepancyType, Long> openByType) {
        public Figures {
            openByType = Map.copyOf(openByType);
        }
    }

    /** The transactions the reports said of, by {@link ReportedTransaction#key()}. */
    Optional<ReportedTransaction> transaction(String key);

    /** What the reports said of the transactions of one merchant order ({@code referenceTransactionId}). */
    List<ReportedTransaction> transactionsOfOrder(String referenceOrderId);

    /** Which of these engine transactions some imported report row was matched to. */
    Set<EngineSubject> listed(Collection<EngineSubject> subjects);

    /** Whether this file of this source was taken before (the same path, size and time). */
    boolean taken(String source, ReportListing file);

    /**
     * Remembers that this file of this source was taken, and how that went, so it is never taken again.
     *
     * @param runId   the run that checked it, or {@code null} when it was refused
     * @param outcome a few words for a person, e.g. why it was refused
     */
    void markTaken(String source, ReportListing file, String runId, String outcome, java.time.Instant at);

    /**
     * Stores a run with everything it found, at once: the run, the transactions its rows said of (new or updated), the
     * discrepancies it recorded for the first time (each with its {@link DiscrepancyFound} event, appended to the
     * {@link Outbox} in the same transaction) and those it closed. The run names every discrepancy it found, the new
     * and those already recorded.
     *
     * @throws ConcurrentUpdateException when a run of the same file, or a discrepancy of the same type and
     *                                   transaction, was stored meanwhile by another node
     */
    void record(ReconciliationRun run, List<ReportedTransaction> transactions, List<Discrepancy> newDiscrepancies,
                List<DiscrepancyFound> events, List<Discrepancy> closed);
}
