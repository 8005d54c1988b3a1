package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.Transactions;
import org.payengine.domain.reconciliation.Discrepancy;

/** The discrepancies reconciliation recorded, newest first: all, or only those still open for a person. */
public final class ListDiscrepancies {

    /** The most one call lists. */
    public static final int MAX_LIMIT = 500;

    private final Transactions transactions;
    private final Reconciliations store;

    @Inject
    public ListDiscrepancies(Transactions transactions, Reconciliations store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<Discrepancy> list(boolean openOnly, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return transactions.inTransaction(() -> store.discrepancies(openOnly, bounded));
    }
}
