package org.payengine.application.port;

import java.util.List;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * The audit trail. Entries are appended only by {@link Orders#save}, in the same transaction as the state
 * they describe, and never changed. Thread-safe.
 */
public interface AuditLog {

    /** All entries of one order, in the order they were recorded; empty for an unknown order. */
    List<AuditEntry> entriesFor(ReferenceOrderId orderId);
}
