package org.payengine.bootstrap.embedded;

import java.util.Objects;
import org.payengine.adapters.persistence.Database;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;

/**
 * The engine's storage: the store ports and the transaction boundary they all take part in. They come as one
 * set because they must share transactions (an order, its audit entries, its outbox events and the
 * notification that changed it are committed together), the {@link DueWork} the background workers claim is
 * kept in step by {@link Orders#save} in that same transaction, and the {@link OrderListing} lists the orders the
 * {@link Orders} store holds. The JDBC adapter provides one ({@code Database}); a custom store adapter provides
 * its own and passes it to {@link PayEngine.Builder#stores(EngineStores)}.
 */
public record EngineStores(Transactions transactions, Orders orders, AuditLog auditLog, Outbox outbox,
                           NotificationInbox notificationInbox, CardTokens cardTokens, OrderListing orderListing,
                           DueWork dueWork) {

    public EngineStores {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(notificationInbox, "notificationInbox");
        Objects.requireNonNull(cardTokens, "cardTokens");
        Objects.requireNonNull(orderListing, "orderListing");
        Objects.requireNonNull(dueWork, "dueWork");
    }

    /** The JDBC adapter's stores: the one place that says which of the database's stores is which port. */
    public static EngineStores of(Database database) {
        return new EngineStores(database.transactions(), database.orders(), database.auditLog(), database.outbox(),
                database.notificationInbox(), database.cardTokens(), database.orderListing(), database.dueWork());
    }
}
