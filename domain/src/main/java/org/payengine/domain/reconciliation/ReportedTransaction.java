package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Antom's reports say of one transaction, gathered over every report that lists it: the transaction report
 * gives its status and amount, the settlement report its fees, the amount settled, the batch and the dates. So the
 * merchant sees what each order really earned.
 *
 * @param key      the transaction across reports ({@link ReportRow#key()})
 * @param subject  the engine transaction its rows were matched to, or {@code null} when none was
 * @param lastRunId the run that last changed it
 */
public record ReportedTransaction(String key, TransactionType type, String transactionId, String transactionRequestId,
                                  String referenceOrderId, EngineSubject subject, ReportedStatus status,
                                  SignedMoney amount, SignedMoney settlementAmount, List<Fee> fees,
                                  String settlementBatchId, Instant transactionTime, Instant settlementTime,
                                  String lastRunId) {

    public ReportedTransaction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /** What one row says, matched to {@code subject} (or to nothing). */
    public static ReportedTransaction of(ReportRow row, EngineSubject subject, String runId) {
        return new ReportedTransaction(row.key(), row.type(), row.transactionId(), row.transactionRequestId(),
                row.referenceOrderId(), subject, row.status(), row.transactionAmount(), row.settlementAmount(),
                row.fees(), row.settlementBatchId(), row.transactionTime(), row.settlementTime(), runId);
    }

    /**
     * This transaction with what a later row of another report adds: the later report's values where it has them,
     * the earlier ones where it has none (a transaction report knows no fees; a settlement report no status).
     */
    public ReportedTransaction updatedBy(ReportedTransaction later, boolean laterHasStatus) {
        return new ReportedTransaction(key, type, first(later.transactionId, transactionId),
                first(later.transactionRequestId, transactionRequestId),
                first(later.referenceOrderId, referenceOrderId), first(later.subject, subject),
                laterHasStatus ? later.status : status, first(later.amount, amount),
                first(later.settlementAmount, settlementAmount), later.fees.isEmpty() ? fees : later.fees,
                first(later.settlementBatchId, settlementBatchId), first(later.transactionTime, transactionTime),
                first(later.settlementTime, settlementTime), later.lastRunId);
    }

    /** The fees added up, when they are all in one currency; {@code null} without fees. */
    public SignedMoney totalFees() {
        SignedMoney total = null;
        for (Fee fee : fees) {
            if (total != null && !total.currency().equals(fee.amount().currency())) {
                return null;
            }
            total = total == null ? fee.amount() : total.plus(fee.amount());
        }
        return total;
    }

    private static <T> T first(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }
}
