package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a settlement summary report: the total of one transaction type (or, for {@link TransactionType#TOTAL},
 * the whole batch) in one settlement batch.
 *
 * @param line             the line of the file (1 is the header)
 * @param summaryType      what the line totals; {@link TransactionType#TOTAL} for the batch
 * @param count            how many records the total covers
 * @param settlementAmount the amount settled, net of fees, in the settlement currency
 * @param initiatedAt      when the batch settlement was processed, when the report says
 */
public record SettlementTotal(int line, String settlementBatchId, TransactionType summaryType, String summaryTypeName,
                              long count, SignedMoney settlementAmount, Instant initiatedAt, String merchantId) {

    public SettlementTotal {
        Objects.requireNonNull(settlementBatchId, "settlementBatchId");
        Objects.requireNonNull(summaryType, "summaryType");
        Objects.requireNonNull(settlementAmount, "settlementAmount");
    }
}
