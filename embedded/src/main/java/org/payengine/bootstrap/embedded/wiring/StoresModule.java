package org.payengine.bootstrap.embedded.wiring;

import dagger.Module;
import dagger.Provides;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;
import org.payengine.bootstrap.embedded.EngineStores;

/** The store ports, taken from whichever {@link EngineStores} the component has (JDBC, or the host's own). */
@Module
public interface StoresModule {

    @Provides
    static Transactions transactions(EngineStores stores) {
        return stores.transactions();
    }

    @Provides
    static Orders orders(EngineStores stores) {
        return stores.orders();
    }

    @Provides
    static AuditLog auditLog(EngineStores stores) {
        return stores.auditLog();
    }

    @Provides
    static Outbox outbox(EngineStores stores) {
        return stores.outbox();
    }

    @Provides
    static NotificationInbox notificationInbox(EngineStores stores) {
        return stores.notificationInbox();
    }

    @Provides
    static CardTokens cardTokens(EngineStores stores) {
        return stores.cardTokens();
    }

    @Provides
    static OrderListing orderListing(EngineStores stores) {
        return stores.orderListing();
    }

    @Provides
    static DueWork dueWork(EngineStores stores) {
        return stores.dueWork();
    }
}
