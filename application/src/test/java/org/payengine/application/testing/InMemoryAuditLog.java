package org.payengine.application.testing;

import java.util.List;
import org.payengine.application.port.AuditLog;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.id.ReferenceOrderId;

/** {@link AuditLog} in memory; entries are appended by {@link InMemoryOrders#save}. */
public final class InMemoryAuditLog implements AuditLog {

    private final InMemoryDatabase database;

    public InMemoryAuditLog(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<AuditEntry> entriesFor(ReferenceOrderId orderId) {
        return database.read(state -> state.audit().getOrDefault(orderId, List.of()));
    }
}
