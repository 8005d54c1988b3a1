package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.payengine.adapters.persistence.OrderFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.StoredCard;
import org.payengine.application.port.Outbox;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Two engine nodes (two connection pools) and many threads at once: they apply the same and
 * contradicting facts to one order, as Antom's notifications, the poller and the pay answers would
 * (afterwards the order has exactly one success, every transition is in the audit trail, and every
 * event exists once); they save the same cards of one buyer (each kept once, no writer refused); and
 * they claim the outbox together (each event handed to one claimer at a time, in order per order).
 */
class ConcurrentWritersTest {

    private static final int THREADS_PER_NODE = 6;
    private static final int FACTS_PER_THREAD = 12;
    private static final int CARDS = 10;
    private static final int ORDERS_WITH_EVENTS = 20;

    abstract static class Suite {
        private final TestDatabase databases;

        Suite(TestDatabase databases) {
            this.databases = databases;
        }

        @RepeatedTest(3)
        void duplicated_and_conflicting_facts_from_two_nodes_leave_one_success_and_a_complete_history()
                throws Exception {
            Database nodeA = databases.migrated();
            Database nodeB = databases.open();
            Order order = OrderFixtures.newOrder();
            List<PaymentRequestId> attempts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                attempts.add(OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC));
            }
            nodeA.transactions().run(() -> nodeA.orders().save(order));
            List<PaymentFact> facts = List.of(
                    OrderFixtures.success(attempts.get(0)), OrderFixtures.success(attempts.get(1)),
                    OrderFixtures.success(attempts.get(2)),
                    new PaymentFailed(attempts.get(2), OrderFixtures.paymentIdOf(attempts.get(2)),
                            ResultCode.of("DO_NOT_HONOR"), "declined"));
            long seed = System.nanoTime();
            Random random = new Random(seed);

            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 2 * THREADS_PER_NODE; thread++) {
                Database node = thread % 2 == 0 ? nodeA : nodeB;
                List<PaymentFact> mine = new ArrayList<>();
                for (int i = 0; i < FACTS_PER_THREAD; i++) {
                    mine.add(facts.get(random.nextInt(facts.size())));
                }
                done.add(threads.submit(() -> {
                    start.await();
                    for (PaymentFact fact : mine) {
                        applyAsANotification(node, fact);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            String context = "seed " + seed;
            OrderSnapshot stored = nodeB.orders().findByReferenceOrderId(order.id()).orElseThrow().snapshot();
            assertNotNull(stored.successfulAttempt(), context);
            assertEquals(1, countWinnerRows(nodeA, order), context);
            long successes = stored.attempts().stream().filter(a -> a.authorization() != null && !a.duplicate()).count();
            assertEquals(1, successes, context);
            assertEveryTransitionIsAudited(stored, nodeA.auditLog().entriesFor(order.id()), context);
            List<DomainEvent> events = nodeA.outbox().eventsOf(order.id());
            assertEquals(events.size(), new HashSet<>(events.stream().map(DomainEvent::id).toList()).size(), context);
            assertEquals(1, events.stream().filter(e -> e.type().equals("order.authorized")).count(), context);
            long duplicates = stored.attempts().stream().filter(PaymentAttempt::duplicate).count();
            assertEquals(duplicates, events.stream().filter(e -> e.type().equals("duplicate.detected")).count(), context);
        }

        @Test
        void two_nodes_saving_the_same_cards_at_once_keep_each_card_once() throws Exception {
            Database nodeA = databases.migrated();
            Database nodeB = databases.open();
            ReferenceBuyerId buyer = ReferenceBuyerId.of(OrderFixtures.unique("buyer"));
            int writers = 2 * THREADS_PER_NODE;
            CyclicBarrier sameCardAtOnce = new CyclicBarrier(writers);

            runTogether(writers, writer -> {
                Database node = writer % 2 == 0 ? nodeA : nodeB;
                for (int card = 0; card < CARDS; card++) {
                    StoredCard saved = new StoredCard(buyer, CardToken.of("tok-" + card), "VISA",
                            MaskedCardNumber.of("405469******0768"), YearMonth.of(2030, 12), NOW.plusSeconds(card));
                    sameCardAtOnce.await(30, TimeUnit.SECONDS);
                    node.transactions().run(() -> node.cardTokens().save(saved));
                }
            });

            List<StoredCard> kept = nodeA.cardTokens().findByBuyer(buyer);
            assertEquals(CARDS, kept.size(), () -> "kept: " + kept);
            assertEquals(CARDS, kept.stream().map(StoredCard::token).distinct().count());
        }

        @Test
        void two_nodes_claiming_the_outbox_hand_each_event_to_one_claimer_at_a_time_in_order() throws Exception {
            databases.deleteAllRows(); // only this test's events are due
            Database nodeA = databases.migrated();
            Database nodeB = databases.open();
            Map<ReferenceOrderId, List<DomainEvent>> expected = new HashMap<>();
            for (int i = 0; i < ORDERS_WITH_EVENTS; i++) {
                Order order = OrderFixtures.newOrder();
                PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.MANUAL);
                order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW);
                order.warnCaptureDeadlineNear(attempt, NOW);
                nodeA.transactions().run(() -> nodeA.orders().save(order));
                expected.put(order.id(), nodeA.outbox().eventsOf(order.id()));
            }
            int total = expected.values().stream().mapToInt(List::size).sum();
            Set<EventId> held = ConcurrentHashMap.newKeySet();
            Map<ReferenceOrderId, List<DomainEvent>> delivered = new ConcurrentHashMap<>();
            List<String> violations = new CopyOnWriteArrayList<>();
            AtomicInteger deliveries = new AtomicInteger();
            Instant now = NOW.plus(Duration.ofDays(1));

            runTogether(2 * THREADS_PER_NODE, claimer -> {
                Database node = claimer % 2 == 0 ? nodeA : nodeB;
                while (deliveries.get() < total) {
                    for (Outbox.PendingEvent pending : node.outbox().claim(3, now, Duration.ofHours(1))) {
                        DomainEvent event = pending.event();
                        if (!held.add(event.id())) {
                            violations.add(event.id() + " handed to two claimers at once");
                        }
                        List<DomainEvent> ofOrder = delivered.computeIfAbsent(event.orderId(),
                                id -> new CopyOnWriteArrayList<>());
                        List<DomainEvent> inOrder = expected.get(event.orderId());
                        if (!event.equals(inOrder.get(Math.min(ofOrder.size(), inOrder.size() - 1)))
                                || ofOrder.size() >= inOrder.size()) {
                            violations.add(event.id() + " handed out after " + ofOrder.size() + " of its order's events");
                        }
                        ofOrder.add(event);
                        node.outbox().markDelivered(event.id(), now);
                        held.remove(event.id());
                        deliveries.incrementAndGet();
                    }
                }
            });

            assertEquals(List.of(), violations);
            assertEquals(expected, delivered);
        }

        /** Runs {@code work} on this many threads at once and waits for all of them; the first failure fails the test. */
        private static void runTogether(int threads, ThreadWork work) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    int number = thread;
                    done.add(pool.submit(() -> {
                        work.run(number);
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private interface ThreadWork {
            void run(int thread) throws Exception;
        }

        private static void applyAsANotification(Database node, PaymentFact fact) {
            node.transactions().run(() -> {
                Order current = node.orders().findByPaymentRequestId(fact.paymentRequestId()).orElseThrow();
                current.apply(fact, FactSource.NOTIFICATION, NOW.plusSeconds(60));
                if (current.hasChanges()) {
                    node.orders().save(current);
                }
            });
        }

        private static int countWinnerRows(Database database, Order order) {
            return database.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT count(*) FROM payment_attempts a JOIN orders o ON o.id = a.order_id
                            WHERE o.reference_order_id = ? AND a.winner_of_order IS NOT NULL""")
                    .bind(0, order.id().value()).mapTo(Integer.class).one());
        }

        /** Each attempt's entries chain from its creation to its stored state without a gap. */
        private static void assertEveryTransitionIsAudited(OrderSnapshot order, List<AuditEntry> trail, String context) {
            for (PaymentAttempt attempt : order.attempts()) {
                List<AuditEntry> entries = trail.stream()
                        .filter(e -> e.subject() == AuditSubject.ATTEMPT && e.subjectId().equals(attempt.id().value()))
                        .toList();
                String state = null;
                for (AuditEntry entry : entries) {
                    assertEquals(state, entry.fromState(), () -> "gap in the audit trail of " + attempt.id() + " at "
                            + entry + " (" + context + ")\n" + String.join("\n", trail.stream().map(AuditEntry::toString).toList()));
                    state = entry.toState();
                }
                assertEquals(attempt.status().name(), state, "last audited state of " + attempt.id() + " (" + context + ")");
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
