package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.persistence.OrderFixtures.NOW;
import static org.payengine.adapters.persistence.OrderFixtures.newOrder;
import static org.payengine.adapters.persistence.OrderFixtures.startPendingAttempt;
import static org.payengine.adapters.persistence.OrderFixtures.success;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.Orders;
import org.payengine.application.port.RawNotification;
import org.payengine.application.port.Transactions;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderStatus;

class JdbiStoresTest {

    abstract static class Suite {
        private final Database database;
        private final Orders orders;
        private final Transactions transactions;

        Suite(TestDatabase databases) {
            this.database = databases.migrated();
            this.orders = database.orders();
            this.transactions = database.transactions();
        }

        @Test
        void a_saved_order_is_found_by_each_of_its_ids_exactly_as_saved() {
            Order order = newOrder();
            PaymentRequestId attempt = startPendingAttempt(order, CaptureMode.MANUAL);
            order.apply(success(attempt), FactSource.NOTIFICATION, NOW);
            CaptureRequestId captureRequest = CaptureRequestId.of(OrderFixtures.unique("capture"));
            order.requestCapture(attempt, OrderFixtures.AMOUNT, captureRequest,
                    org.payengine.domain.audit.AuditSource.MERCHANT, NOW);
            transactions.run(() -> orders.save(order));

            Order loaded = orders.findByReferenceOrderId(order.id()).orElseThrow();

            assertEquals(order.snapshot().withVersion(1), loaded.snapshot());
            assertEquals(OrderStatus.AUTHORIZED, loaded.status());
            assertEquals(loaded.snapshot(), orders.findByPaymentRequestId(attempt).orElseThrow().snapshot());
            assertEquals(loaded.snapshot(), orders.findByPaymentId(OrderFixtures.paymentIdOf(attempt)).orElseThrow().snapshot());
            assertEquals(loaded.snapshot(), orders.findByCaptureRequestId(captureRequest).orElseThrow().snapshot());
            assertTrue(orders.findByReferenceOrderId(ReferenceOrderId.of("no-such-order")).isEmpty());
        }

        @Test
        void a_save_from_a_version_someone_else_saved_meanwhile_is_refused() {
            Order order = newOrder();
            transactions.run(() -> orders.save(order));
            Order first = orders.findByReferenceOrderId(order.id()).orElseThrow();
            Order second = orders.findByReferenceOrderId(order.id()).orElseThrow();
            startPendingAttempt(first, CaptureMode.AUTOMATIC);
            startPendingAttempt(second, CaptureMode.AUTOMATIC);
            transactions.run(() -> orders.save(first));

            assertThrows(ConcurrentUpdateException.class, () -> orders.save(second));

            assertEquals(1, orders.findByReferenceOrderId(order.id()).orElseThrow().attempts().size());
        }

        @Test
        void two_creators_of_one_order_conflict_instead_of_both_succeeding() {
            Order order = newOrder();
            transactions.run(() -> orders.save(order));
            Order sameReference = Order.create(order.id(), OrderFixtures.AMOUNT, null, null, List.of(), NOW);

            assertThrows(ConcurrentUpdateException.class, () -> orders.save(sameReference));
        }

        @Test
        void audit_entries_and_events_are_written_with_the_state_and_not_at_all_when_the_work_fails() {
            Order order = newOrder();
            PaymentRequestId attempt = startPendingAttempt(order, CaptureMode.AUTOMATIC);
            order.apply(success(attempt), FactSource.NOTIFICATION, NOW);
            int entries = order.pendingAuditEntries().size();
            List<DomainEvent> events = List.copyOf(order.pendingEvents());

            assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
                orders.save(order);
                throw new IllegalStateException("the unit of work fails after the save");
            }));
            assertTrue(orders.findByReferenceOrderId(order.id()).isEmpty());
            assertEquals(List.of(), database.auditLog().entriesFor(order.id()));
            assertEquals(List.of(), database.outbox().eventsOf(order.id()));

            transactions.run(() -> orders.save(order));
            assertEquals(entries, database.auditLog().entriesFor(order.id()).size());
            assertEquals(order.pendingAuditEntries(), database.auditLog().entriesFor(order.id()));
            assertEquals(events, database.outbox().eventsOf(order.id()));
            assertFalse(events.isEmpty());
        }

        @Test
        void a_unit_of_work_that_meets_a_concurrent_update_runs_again_with_fresh_reads() {
            Order order = newOrder();
            transactions.run(() -> orders.save(order));
            AtomicInteger runs = new AtomicInteger();

            transactions.run(() -> {
                Order mine = orders.findByReferenceOrderId(order.id()).orElseThrow();
                if (runs.incrementAndGet() == 1) {
                    // another writer (its own transaction, on another thread) saves first
                    runElsewhere(() -> {
                        Order theirs = orders.findByReferenceOrderId(order.id()).orElseThrow();
                        startPendingAttempt(theirs, CaptureMode.AUTOMATIC);
                        orders.save(theirs);
                    });
                }
                startPendingAttempt(mine, CaptureMode.AUTOMATIC);
                orders.save(mine);
            });

            assertEquals(2, runs.get());
            assertEquals(2, orders.findByReferenceOrderId(order.id()).orElseThrow().attempts().size());
        }

        @Test
        void the_outbox_hands_out_one_event_per_order_at_a_time_in_order_and_leases_it() {
            Order order = newOrder();
            PaymentRequestId attempt = startPendingAttempt(order, CaptureMode.AUTOMATIC);
            order.apply(success(attempt), FactSource.NOTIFICATION, NOW);
            transactions.run(() -> orders.save(order));
            List<DomainEvent> events = database.outbox().eventsOf(order.id());
            Duration lease = Duration.ofSeconds(30);

            List<DomainEvent> first = claimOf(order.id(), NOW.plusSeconds(60), lease);
            assertEquals(List.of(events.get(0)), first);
            assertEquals(List.of(), claimOf(order.id(), NOW.plusSeconds(61), lease), "leased, and the next waits");

            database.outbox().release(first.get(0).id(), NOW.plusSeconds(120));
            assertEquals(List.of(), claimOf(order.id(), NOW.plusSeconds(119), lease));
            assertEquals(first, claimOf(order.id(), NOW.plusSeconds(120), lease));
            database.outbox().markDelivered(first.get(0).id(), NOW.plusSeconds(121));

            if (events.size() > 1) {
                assertEquals(List.of(events.get(1)), claimOf(order.id(), NOW.plusSeconds(122), lease));
            }
            assertEquals(List.of(), claimOf(order.id(), NOW.plusSeconds(123), lease));
        }

        private List<DomainEvent> claimOf(ReferenceOrderId orderId, java.time.Instant now, Duration lease) {
            return database.outbox().claim(1000, now, lease).stream()
                    .filter(event -> event.orderId().equals(orderId)).toList();
        }

        @Test
        void notifications_keep_their_exact_bytes_and_unmatched_ones_wait_for_replay() {
            byte[] body = "{\"notifyType\":\"PAYMENT_RESULT\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
            String key = OrderFixtures.unique("dedup");
            RawNotification raw = new RawNotification("POST", "/notifications/antom",
                    Map.of("Signature", "algorithm=RSA256,keyVersion=1,signature=abc", "Request-Time", "1700000000000"),
                    body, NOW);
            InboxEntry unmatched = new InboxEntry(key, raw, InboxEntry.InboxStatus.UNMATCHED, NOW, null, "unknown payment");

            database.notificationInbox().record(unmatched);

            InboxEntry stored = database.notificationInbox().find(key).orElseThrow();
            assertEquals(unmatched, stored);
            assertArrayEquals(body, stored.notification().body());
            assertTrue(database.notificationInbox().findUnmatched(1000).contains(unmatched));

            InboxEntry processed = new InboxEntry(key, raw, InboxEntry.InboxStatus.PROCESSED, NOW, NOW.plusSeconds(5), null);
            database.notificationInbox().record(processed);
            assertEquals(processed, database.notificationInbox().find(key).orElseThrow());
            assertFalse(database.notificationInbox().findUnmatched(1000).contains(unmatched));
        }

        @Test
        void card_tokens_are_kept_per_buyer_newest_first() {
            ReferenceBuyerId buyer = ReferenceBuyerId.of(OrderFixtures.unique("buyer"));
            StoredCard older = new StoredCard(buyer, CardToken.of("tok-a"), "VISA", MaskedCardNumber.of("405469******0768"),
                    YearMonth.of(2030, 1), NOW);
            StoredCard newer = new StoredCard(buyer, CardToken.of("tok-b"), "MASTERCARD", null, null, NOW.plusSeconds(1));

            database.cardTokens().save(older);
            database.cardTokens().save(newer);
            database.cardTokens().save(older); // idempotent

            assertEquals(List.of(newer, older), database.cardTokens().findByBuyer(buyer));
            assertEquals(older, database.cardTokens().find(buyer, CardToken.of("tok-a")).orElseThrow());
            assertTrue(database.cardTokens().remove(buyer, CardToken.of("tok-a")));
            assertFalse(database.cardTokens().remove(buyer, CardToken.of("tok-a")));
            assertEquals(List.of(newer), database.cardTokens().findByBuyer(buyer));
        }

        @Test
        void the_workers_find_attempts_by_their_state() {
            Order awaiting = newOrder();
            PaymentRequestId pending = startPendingAttempt(awaiting, CaptureMode.AUTOMATIC);
            Order authorized = newOrder();
            PaymentRequestId manual = startPendingAttempt(authorized, CaptureMode.MANUAL);
            authorized.apply(success(manual), FactSource.NOTIFICATION, NOW);
            transactions.run(() -> {
                orders.save(awaiting);
                orders.save(authorized);
            });

            assertTrue(orders.findAttemptsAwaitingAntom(10_000).contains(pending));
            assertFalse(orders.findAttemptsAwaitingAntom(10_000).contains(manual));
            assertTrue(orders.findUncapturedWithDeadlineBefore(NOW.plus(Duration.ofDays(8)), 10_000).contains(manual));
            assertFalse(orders.findUncapturedWithDeadlineBefore(NOW.plus(Duration.ofDays(6)), 10_000).contains(manual));
        }

        private static void runElsewhere(Runnable work) {
            Thread thread = new Thread(work);
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
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
