package org.payengine.adapters.persistence;

import org.junit.jupiter.api.Nested;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;
import org.payengine.application.testing.CardTokensContract;
import org.payengine.application.testing.DueWorkContract;
import org.payengine.application.testing.IdempotencyKeysContract;
import org.payengine.application.testing.NotificationInboxContract;
import org.payengine.application.testing.OrderListingContract;
import org.payengine.application.testing.OrdersContract;
import org.payengine.application.testing.OutboxContract;

/**
 * The application's contracts for its store ports, kept by the Jdbi stores on each database. Every
 * contract of a backend shares that backend's database; the contracts use fresh ids, so they do not
 * see each other's rows.
 */
class StoreContractsTest {

    abstract static class Stores {
        private final Database database;

        Stores(TestDatabase databases) {
            this.database = databases.migrated();
        }

        @Nested
        class OrdersStore extends OrdersContract {
            @Override
            protected Orders orders() {
                return database.orders();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }

            @Override
            protected Outbox outbox() {
                return database.outbox();
            }

            @Override
            protected AuditLog auditLog() {
                return database.auditLog();
            }
        }

        @Nested
        class OutboxStore extends OutboxContract {
            @Override
            protected Outbox outbox() {
                return database.outbox();
            }

            @Override
            protected Orders orders() {
                return database.orders();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }
        }

        @Nested
        class DueWorkStore extends DueWorkContract {
            @Override
            protected DueWork dueWork() {
                return database.dueWork();
            }

            @Override
            protected Orders orders() {
                return database.orders();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }
        }

        @Nested
        class NotificationInboxStore extends NotificationInboxContract {
            @Override
            protected NotificationInbox inbox() {
                return database.notificationInbox();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }
        }

        @Nested
        class OrderListingStore extends OrderListingContract {
            @Override
            protected OrderListing orderListing() {
                return database.orderListing();
            }

            @Override
            protected Orders orders() {
                return database.orders();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }
        }

        @Nested
        class IdempotencyKeysStore extends IdempotencyKeysContract {
            @Override
            protected IdempotencyKeys keys() {
                return database.idempotencyKeys();
            }
        }

        @Nested
        class CardTokensStore extends CardTokensContract {
            @Override
            protected CardTokens cardTokens() {
                return database.cardTokens();
            }

            @Override
            protected Transactions transactions() {
                return database.transactions();
            }
        }
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Stores {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Stores {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
