package org.payengine.domain.reconciliation;

/** How a report and the engine's records disagree about one transaction. */
public enum DiscrepancyType {
    /** Antom reports a transaction of a kind the engine makes, and the engine knows no such transaction. */
    MISSING_IN_ENGINE,
    /** The engine has a success of a day whose report is final, and no report lists it. */
    MISSING_IN_REPORT,
    /** Both know the transaction, in the same currency, with different amounts. */
    AMOUNT_MISMATCH,
    /** Both know the transaction, in different currencies. */
    CURRENCY_MISMATCH,
    /** Antom and the engine disagree on whether it succeeded. */
    STATUS_MISMATCH
}
