package org.payengine.application.usecase;

import jakarta.inject.Inject;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.Transactions;
import org.payengine.domain.Result;
import org.payengine.domain.reconciliation.ReconciliationRun;

/** Reads one reconciliation run with the discrepancies it found, as they stand now. */
public final class GetReconciliationRun {

    private final Transactions transactions;
    private final Reconciliations store;

    @Inject
    public GetReconciliationRun(Transactions transactions, Reconciliations store) {
        this.transactions = transactions;
        this.store = store;
    }

    public Result<ReconciliationRun> get(String runId) {
        return transactions.inTransaction(() -> store.run(runId))
                .<Result<ReconciliationRun>>map(Result::accepted)
                .orElseGet(() -> Result.refused(new ReconciliationRejection.RunNotFound(runId)));
    }
}
