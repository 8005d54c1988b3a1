package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transaction line of a transaction or settlement details report, in the engine's terms: amounts in minor
 * units, fees signed as Antom writes them, times as instants. What each id holds depends on the report's layout
 * and the type (Antom's ID rules): in the current layout {@code transactionId} is the payment id on every row and
 * {@code transactionRequestId} the request id of the pay, capture, refund or cancel call; in the older ones
 * {@code transactionId} is the capture or refund id on those rows and {@code originalTransactionId} the payment id.
 *
 * @param line                         the line of the file the row was read from (1 is the header)
 * @param type                         Antom's {@code transactionType}
 * @param typeName                     the type as the report writes it (kept for types the engine does not know)
 * @param transactionId                Antom's id of the row's transaction ({@code null} when the report leaves it empty)
 * @param transactionRequestId         the merchant's request id of the call, when the report gives one
 * @param originalTransactionId        the older layouts' payment id of a capture, refund or cancel
 * @param originalTransactionRequestId the request id of the transaction this one follows (a refund's payment)
 * @param referenceOrderId             the merchant's order id ({@code referenceTransactionId})
 * @param status                       the status the report gives, {@link ReportedStatus#SUCCESS} where it gives none
 * @param transactionAmount            the transaction's amount in its currency; {@code null} when the report has none
 * @param settlementAmount             what was settled for it, net of fees; {@code null} when the report has none
 * @param fees                         every fee the report lists for it, signed as written (deductions negative)
 * @param settlementBatchId            the settlement batch, once settled
 * @param transactionTime              when the transaction was made, when the report says
 * @param settlementTime               when its batch settled (or was initiated), when the report says
 * @param merchantId                   the merchant the row belongs to ({@code customerId})
 */
public record ReportRow(int line, TransactionType type, String typeName, String transactionId,
                        String transactionRequestId, String originalTransactionId, String originalTransactionRequestId,
                        String referenceOrderId, ReportedStatus status, SignedMoney transactionAmount,
                        SignedMoney settlementAmount, List<Fee> fees, String settlementBatchId, Instant transactionTime,
                        Instant settlementTime, String merchantId) {

    public ReportRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(status, "status");
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /**
     * What identifies the transaction across reports and imports: its type, Antom's id and the request id (a payment
     * id repeats on every row of one payment, so the id alone does not).
     */
    public String key() {
        return type.name() + "|" + nullToEmpty(transactionId) + "|" + nullToEmpty(transactionRequestId);
    }

    /** The row in a few words, for a discrepancy: {@code CAPTURE SUCCESS USD 100.00}. */
    public String describe() {
        return typeName + " " + status + (transactionAmount == null ? "" : " " + transactionAmount);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
