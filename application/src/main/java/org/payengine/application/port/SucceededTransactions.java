package org.payengine.application.port;

import java.time.Instant;
import java.util.List;
import org.payengine.domain.reconciliation.EngineTransaction;

/**
 * The engine's successes by when they were made, for reconciliation to find those no report of Antom's lists:
 * payments that were authorized, captures and refunds that succeeded. Read-only; called outside any transaction.
 * Thread-safe.
 */
public interface SucceededTransactions {

    /**
     * Every success whose transaction was made (the attempt started, the capture or refund requested) in
     * {@code [from, to)}, each with {@link EngineTransaction.Outcome#SUCCEEDED}.
     */
    List<EngineTransaction> madeBetween(Instant from, Instant to);
}
