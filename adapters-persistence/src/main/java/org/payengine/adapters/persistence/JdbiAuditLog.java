package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.payengine.application.port.AuditLog;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.id.ReferenceOrderId;

/** The audit trail in {@code audit_entries}: appended by the order store, read here. */
final class JdbiAuditLog implements AuditLog {

    private final JdbiTransactions transactions;

    JdbiAuditLog(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    static void append(Handle handle, long orderRowId, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO audit_entries (order_id, payment_request_id, subject, subject_id, from_state, to_state,
                    cause, detail, occurred_at)
                VALUES (:order, :paymentRequestId, :subject, :subjectId, :fromState, :toState, :cause, :detail, :at)""");
        for (AuditEntry entry : entries) {
            batch.bind("order", orderRowId)
                    .bind("paymentRequestId", entry.subject() == AuditSubject.ATTEMPT ? entry.subjectId() : null)
                    .bind("subject", entry.subject().name())
                    .bind("subjectId", entry.subjectId())
                    .bind("fromState", entry.fromState())
                    .bind("toState", entry.toState())
                    .bind("cause", entry.source().name())
                    .bind("detail", entry.detail());
            bindInstant(batch, "at", entry.at());
            batch.add();
        }
        batch.execute();
    }

    @Override
    public List<AuditEntry> entriesFor(ReferenceOrderId orderId) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT e.* FROM audit_entries e JOIN orders o ON o.id = e.order_id
                        WHERE o.reference_order_id = ? ORDER BY e.id""")
                .bind(0, orderId.value())
                .map((row, context) -> new AuditEntry(orderId,
                        AuditSubject.valueOf(row.getString("subject")),
                        row.getString("subject_id"),
                        row.getString("from_state"),
                        row.getString("to_state"),
                        AuditSource.valueOf(row.getString("cause")),
                        instant(row, "occurred_at"),
                        row.getString("detail")))
                .list());
    }
}
