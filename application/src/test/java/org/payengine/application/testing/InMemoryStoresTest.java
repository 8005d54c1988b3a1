package org.payengine.application.testing;

import org.junit.jupiter.api.Nested;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;

/** The in-memory twins keep the outbox, due-work, inbox, card-token and order-listing contracts. */
class InMemoryStoresTest {

    private final InMemoryDatabase database = new InMemoryDatabase();
    private final InMemoryTransactions transactions = new InMemoryTransactions(database);

    @Nested
    class Outboxes extends OutboxContract {
        @Override
        protected Outbox outbox() {
            return new InMemoryOutbox(database);
        }

        @Override
        protected Orders orders() {
            return new InMemoryOrders(database);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class DueWorks extends DueWorkContract {
        @Override
        protected DueWork dueWork() {
            return new InMemoryDueWork(database);
        }

        @Override
        protected Orders orders() {
            return new InMemoryOrders(database);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Inboxes extends NotificationInboxContract {
        @Override
        protected NotificationInbox inbox() {
            return new InMemoryNotificationInbox(database);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Cards extends CardTokensContract {
        @Override
        protected CardTokens cardTokens() {
            return new InMemoryCardTokens(database);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class IdempotencyKeyStore extends IdempotencyKeysContract {
        private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

        @Override
        protected IdempotencyKeys keys() {
            return keys;
        }
    }

    @Nested
    class Listing extends OrderListingContract {
        @Override
        protected OrderListing orderListing() {
            return new InMemoryOrderListing(database);
        }

        @Override
        protected Orders orders() {
            return new InMemoryOrders(database);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }
}
