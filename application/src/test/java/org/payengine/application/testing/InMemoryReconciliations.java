package org.payengine.application.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Instant;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportListing;
import org.payengine.domain.event.DiscrepancyFound;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineSubject;
import org.payengine.domain.reconciliation.ReconciliationRun;
import org.payengine.domain.reconciliation.ReportedTransaction;

/**
 * {@link Reconciliations} in memory, for tests of the use cases: every change is applied at once (it takes no part in
 * the in-memory transactions' rollback), and the discrepancy events it was given are kept in {@link #events()}.
 */
public final class InMemoryReconciliations implements Reconciliations {

    private final Map<String, ReconciliationRun> runs = new LinkedHashMap<>();
    private final Map<String, Discrepancy> discrepancies = new LinkedHashMap<>();
    private final Map<String, ReportedTransaction> transactions = new LinkedHashMap<>();
    private final List<DiscrepancyFound> events = new ArrayList<>();
    private final Set<String> taken = new java.util.HashSet<>();

    @Override
    public synchronized Optional<ReconciliationRun> runOfFile(String fingerprint) {
        return runs.values().stream().filter(run -> run.fingerprint().equals(fingerprint)).findFirst().map(this::current);
    }

    @Override
    public synchronized Optional<ReconciliationRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(this::current);
    }

    @Override
    public synchronized List<ReconciliationRun> runs(int limit) {
        List<ReconciliationRun> newestFirst = new ArrayList<>(runs.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).map(this::current).toList();
    }

    @Override
    public synchronized Optional<Discrepancy> discrepancy(DiscrepancyType type, String subjectKey) {
        return discrepancies.values().stream()
                .filter(d -> d.type() == type && d.subjectKey().equals(subjectKey)).findFirst();
    }

    @Override
    public synchronized List<Discrepancy> discrepancies(boolean openOnly, int limit) {
        List<Discrepancy> newestFirst = new ArrayList<>(discrepancies.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().filter(d -> !openOnly || d.isOpen()).limit(limit).toList();
    }

    @Override
    public synchronized long openDiscrepancies() {
        return discrepancies.values().stream().filter(Discrepancy::isOpen).count();
    }

    @Override
    public synchronized Figures figures() {
        return new Figures(runs.size(), discrepancies.values().stream().filter(Discrepancy::isOpen)
                .collect(Collectors.groupingBy(Discrepancy::type, Collectors.counting())));
    }

    @Override
    public synchronized Optional<ReportedTransaction> transaction(String key) {
        return Optional.ofNullable(transactions.get(key));
    }

    @Override
    public synchronized List<ReportedTransaction> transactionsOfOrder(String referenceOrderId) {
        return transactions.values().stream().filter(t -> referenceOrderId.equals(t.referenceOrderId()))
                .sorted(Comparator.comparing(ReportedTransaction::key)).toList();
    }

    @Override
    public synchronized Set<EngineSubject> listed(Collection<EngineSubject> subjects) {
        return transactions.values().stream().map(ReportedTransaction::subject)
                .filter(subject -> subject != null && subjects.contains(subject)).collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean taken(String source, ReportListing file) {
        return taken.contains(source + "\u0000" + file);
    }

    @Override
    public synchronized void markTaken(String source, ReportListing file, String runId, String outcome, Instant at) {
        taken.add(source + "\u0000" + file);
    }

    @Override
    public synchronized void record(ReconciliationRun run, List<ReportedTransaction> reported,
                                    List<Discrepancy> newDiscrepancies, List<DiscrepancyFound> found,
                                    List<Discrepancy> closed) {
        if (runOfFile(run.fingerprint()).isPresent()) {
            throw new IllegalStateException("the file of run " + run.runId() + " was imported before");
        }
        runs.put(run.runId(), run);
        reported.forEach(transaction -> transactions.put(transaction.key(), transaction));
        for (Discrepancy discrepancy : newDiscrepancies) {
            if (discrepancy(discrepancy.type(), discrepancy.subjectKey()).isPresent()) {
                throw new IllegalStateException("recorded twice: " + discrepancy);
            }
            discrepancies.put(discrepancy.id(), discrepancy);
        }
        closed.forEach(discrepancy -> discrepancies.put(discrepancy.id(), discrepancy));
        events.addAll(found);
    }

    /** Every discrepancy event stored, in order. */
    public synchronized List<DiscrepancyFound> events() {
        return List.copyOf(events);
    }

    /** A run with its discrepancies as they stand now. */
    private ReconciliationRun current(ReconciliationRun run) {
        return new ReconciliationRun(run.runId(), run.reportType(), run.source(), run.fileName(), run.fingerprint(),
                run.day(), run.rows(), run.matched(), run.startedAt(),
                run.discrepancies().stream().map(d -> discrepancies.get(d.id())).toList());
    }
}
