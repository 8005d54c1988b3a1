package org.payengine.domain.reconciliation;

/** The three reports Antom publishes per merchant: one a day, and two per settlement batch. */
public enum ReportType {
    /** Every transaction of one day (UTC+8) with its latest status; produced the day after. */
    TRANSACTION_DETAILS,
    /** Every transaction of one settlement batch, with its fees and the amount settled. */
    SETTLEMENT_DETAILS,
    /** The totals of one settlement batch, per transaction type and in all ({@code TOTAL}). */
    SETTLEMENT_SUMMARY
}
