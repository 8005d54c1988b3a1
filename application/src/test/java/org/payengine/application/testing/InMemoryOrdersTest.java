package org.payengine.application.testing;

import org.payengine.application.port.AuditLog;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;

/** The in-memory twin keeps the {@link Orders} contract. */
class InMemoryOrdersTest extends OrdersContract {

    private final InMemoryDatabase database = new InMemoryDatabase();
    private final InMemoryTransactions transactions = new InMemoryTransactions(database);
    private final InMemoryOrders orders = new InMemoryOrders(database);

    @Override
    protected Orders orders() {
        return orders;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected Outbox outbox() {
        return new InMemoryOutbox(database);
    }

    @Override
    protected AuditLog auditLog() {
        return new InMemoryAuditLog(database);
    }
}
