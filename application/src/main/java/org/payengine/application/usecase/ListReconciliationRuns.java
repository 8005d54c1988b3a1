package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.Transactions;
import org.payengine.domain.reconciliation.ReconciliationRun;

/** The most recent reconciliation runs, newest first. */
public final class ListReconciliationRuns {

    private final Transactions transactions;
    private final Reconciliations store;

    @Inject
    public ListReconciliationRuns(Transactions transactions, Reconciliations store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<ReconciliationRun> list(int limit) {
        int bounded = Math.max(1, Math.min(limit, ListDiscrepancies.MAX_LIMIT));
        return transactions.inTransaction(() -> store.runs(bounded));
    }
}
