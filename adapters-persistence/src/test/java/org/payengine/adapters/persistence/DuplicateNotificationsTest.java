package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.payengine.adapters.persistence.OrderFixtures.NOW;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.InboxEntry.InboxStatus;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.RawNotification;
import org.payengine.application.testing.FakeNotificationDecoder;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.HandleNotification.Handling;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderStatus;

/**
 * Antom sends the same notification twice and both copies arrive at once, at two engine nodes. Each copy
 * first looks in the inbox and finds nothing, then both store: whichever stores second sees the other's
 * entry (as a conflict that runs its unit of work again), so the fact is applied once and both copies get
 * the answer the first one got.
 */
class DuplicateNotificationsTest {

    /** One for every test: it numbers the notifications it makes, and their dedup keys must differ in a database. */
    private static final FakeNotificationDecoder decoder = new FakeNotificationDecoder();

    abstract static class Suite {
        private final Database nodeA;
        private final Database nodeB;

        Suite(TestDatabase databases) {
            this.nodeA = databases.migrated();
            this.nodeB = databases.open();
        }

        @Test
        void two_copies_of_a_fact_the_order_already_knows_are_both_acknowledged() throws Exception {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
            order.apply(OrderFixtures.success(attempt), FactSource.INQUIRY, NOW); // the poller was first
            nodeA.transactions().run(() -> nodeA.orders().save(order));
            int auditEntries = nodeA.auditLog().entriesFor(order.id()).size();
            RawNotification notification = decoder.notificationOf(NOW, OrderFixtures.success(attempt));

            List<Handling> answers = bothCopiesAtOnce(notification);

            Handling acknowledged = new Handling.Acknowledge(FakeNotificationDecoder.ACKNOWLEDGEMENT);
            assertEquals(List.of(acknowledged, acknowledged), answers);
            assertEquals(InboxStatus.PROCESSED, storedEntry(notification).status());
            assertEquals(1, storedOrder(order).version(), "nothing to change, nothing saved");
            assertEquals(auditEntries, nodeA.auditLog().entriesFor(order.id()).size());
        }

        @Test
        void two_copies_of_a_new_fact_apply_it_once_and_are_both_acknowledged() throws Exception {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
            nodeA.transactions().run(() -> nodeA.orders().save(order));
            RawNotification notification = decoder.notificationOf(NOW, OrderFixtures.success(attempt));

            List<Handling> answers = bothCopiesAtOnce(notification);

            Handling acknowledged = new Handling.Acknowledge(FakeNotificationDecoder.ACKNOWLEDGEMENT);
            assertEquals(List.of(acknowledged, acknowledged), answers);
            assertEquals(InboxStatus.PROCESSED, storedEntry(notification).status());
            Order stored = storedOrder(order);
            assertEquals(OrderStatus.AUTHORIZED, stored.status());
            assertEquals(2, stored.version(), "saved once");
            List<DomainEvent> events = nodeA.outbox().eventsOf(order.id());
            assertEquals(1, events.stream().filter(event -> event.type().equals("order.authorized")).count(),
                    () -> "events: " + events);
        }

        @Test
        void two_copies_of_a_notification_no_order_knows_are_kept_once_and_both_asked_for_again() throws Exception {
            Order neverSaved = OrderFixtures.newOrder();
            PaymentRequestId unknown = OrderFixtures.startPendingAttempt(neverSaved, CaptureMode.AUTOMATIC);
            RawNotification notification = decoder.notificationOf(NOW, OrderFixtures.success(unknown));

            List<Handling> answers = bothCopiesAtOnce(notification);

            answers.forEach(answer -> assertEquals(Handling.RetryLater.class, answer.getClass(), answer::toString));
            InboxEntry stored = storedEntry(notification);
            assertEquals(InboxStatus.UNMATCHED, stored.status());
            assertEquals(1, nodeB.notificationInbox().findUnmatched(10_000).stream()
                    .filter(entry -> entry.dedupKey().equals(stored.dedupKey())).count());
        }

        /** Hands one copy to each node; both look in the inbox before either stores. */
        private List<Handling> bothCopiesAtOnce(RawNotification notification) throws Exception {
            CyclicBarrier bothLooked = new CyclicBarrier(2);
            HandleNotification atA = handlerOn(nodeA, bothLooked);
            HandleNotification atB = handlerOn(nodeB, bothLooked);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<Handling> first = nodes.submit(() -> atA.handle(notification));
                Future<Handling> second = nodes.submit(() -> atB.handle(notification));
                return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            } finally {
                nodes.shutdownNow();
            }
        }

        private HandleNotification handlerOn(Database node, CyclicBarrier bothLooked) {
            return new HandleNotification(decoder, node.transactions(),
                    meetingAfterFirstLookUp(node.notificationInbox(), bothLooked), node.orders(), node.cardTokens(),
                    new TestClock(NOW.plusSeconds(60)));
        }

        private InboxEntry storedEntry(RawNotification notification) {
            String dedupKey = ((NotificationDecoding.Accepted) decoder.decode(notification)).dedupKey();
            return nodeB.notificationInbox().find(dedupKey)
                    .orElseThrow(() -> new AssertionError("no inbox entry for " + dedupKey));
        }

        private Order storedOrder(Order order) {
            return nodeB.orders().findByReferenceOrderId(order.id()).orElseThrow();
        }
    }

    /**
     * The node's own inbox, except that its first look-up waits until the other copy has looked too: both
     * find nothing, so both go on to store.
     */
    private static NotificationInbox meetingAfterFirstLookUp(NotificationInbox inbox, CyclicBarrier bothLooked) {
        AtomicBoolean looked = new AtomicBoolean();
        return new NotificationInbox() {
            @Override
            public Optional<InboxEntry> find(String dedupKey) {
                Optional<InboxEntry> found = inbox.find(dedupKey);
                if (!looked.getAndSet(true)) {
                    try {
                        bothLooked.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other copy never looked", e);
                    }
                }
                return found;
            }

            @Override
            public void record(InboxEntry entry) {
                inbox.record(entry);
            }

            @Override
            public List<InboxEntry> findUnmatched(int limit) {
                return inbox.findUnmatched(limit);
            }
        };
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Suite {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Suite {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
