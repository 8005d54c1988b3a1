package org.payengine.simulator.reports;

/**
 * The generations of Antom's report columns. An SFTP account keeps the layout it was set up with unless the merchant
 * asks, so a merchant may still receive the classic one.
 */
public enum ReportLayout {
    /** {@code PSP}, {@code status}, a column pair per fee, {@code transactionId} the payment id on every row. */
    CURRENT,
    /** {@code acquirer}, {@code originalTransactionId}, {@code paymentTime}; successful transactions only. */
    CLASSIC
}
