package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.DuplicateSuccessDetected;
import org.payengine.domain.event.OrderAuthorized;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Many threads — notifications, inquiries, pay responses, several engine nodes — apply duplicated and conflicting
 * facts about one order at once. Through {@link org.payengine.application.port.Transactions} no update is lost: the
 * order ends with exactly one success, every other success a duplicate, and an unbroken audit trail.
 */
class ConcurrentFactsTest {

    private static final int THREADS = 8;
    private static final long SEED = 20_250_301L;

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ReferenceOrderId orderId = ReferenceOrderId.of("order-1");

    @Test
    public void concurrent_writers_end_with_exactly_one_success_and_no_lost_audit_entry() throws Exception {
        engine.useCases.createOrGetOrder().createOrGet(UseCaseFixtures.order("order-1"));
        List<PaymentAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(engine.useCases.startPayment().start(new StartPayment.Command(orderId,
                    options(i % 2 == 0 ? CaptureMode.AUTOMATIC : CaptureMode.MANUAL))).value());
        }
        // the buyer paid in four tabs; Antom contradicts itself about the last one
        List<Fact> facts = new ArrayList<>();
        for (PaymentAttempt attempt : attempts) {
            facts.addAll(engine.gateway.buyerPays(attempt.id()));
        }
        PaymentAttempt contradicted = attempts.get(3);
        facts.add(new PaymentFailed(contradicted.id(), contradicted.paymentId(), ResultCode.of("DO_NOT_HONOR"), "no"));

        runConcurrently(facts);

        OrderSnapshot order = engine.useCases.getOrder().get(orderId).orElseThrow();
        List<PaymentAttempt> successes = order.attempts().stream()
                .filter(a -> a.authorization() != null && !a.duplicate()).toList();
        assertEquals(1, successes.size(), "exactly one success: " + order.attempts());
        assertEquals(order.successfulAttempt(), successes.get(0).id());
        List<PaymentAttempt> duplicates = order.attempts().stream().filter(PaymentAttempt::duplicate).toList();
        for (PaymentAttempt attempt : attempts.subList(0, 3)) {
            PaymentAttempt now = order.attempt(attempt.id()).orElseThrow();
            assertTrue(now.authorization() != null, "every attempt the buyer paid is kept as paid: " + now);
        }
        List<DomainEvent> events = engine.outbox.eventsOf(orderId);
        assertEquals(duplicates.size(), events.stream().filter(DuplicateSuccessDetected.class::isInstance).count(),
                "each duplicate detected once, none dropped");
        assertTrue(duplicates.size() >= 2);
        assertTrue(events.stream().filter(OrderAuthorized.class::isInstance).count() <= 1, "authorized once at most");
        List<OrderPaid> paid = events.stream().filter(OrderPaid.class::isInstance).map(OrderPaid.class::cast).toList();
        if (successes.get(0).status() == AttemptStatus.CAPTURED) {
            assertEquals(1, paid.size(), "the order is paid once");
            assertEquals(successes.get(0).id(), paid.get(0).attempt(), "and by its success, never by a duplicate");
        } else {
            assertTrue(paid.isEmpty());
        }
        assertEquals(events.size(), events.stream().map(DomainEvent::id).distinct().count(), "event ids are unique");
        assertAuditTrailUnbroken(order);
    }

    /** For every attempt the audit trail walks from INITIATED to its current status with no step missing. */
    private void assertAuditTrailUnbroken(OrderSnapshot order) {
        Map<String, List<AuditEntry>> byAttempt = engine.auditLog.entriesFor(orderId).stream()
                .filter(entry -> entry.subject() == AuditSubject.ATTEMPT && entry.isTransition())
                .collect(Collectors.groupingBy(AuditEntry::subjectId));
        for (PaymentAttempt attempt : order.attempts()) {
            List<AuditEntry> trail = byAttempt.get(attempt.id().value());
            String state = null;
            for (AuditEntry entry : trail) {
                assertEquals(state, entry.fromState(), "audit trail of " + attempt.id() + ": " + trail);
                state = entry.toState();
            }
            assertEquals(attempt.status().name(), state, "audit trail of " + attempt.id() + " ends where it is");
        }
    }

    private void runConcurrently(List<Fact> facts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(SEED + t);
            workers.add(pool.submit(() -> {
                start.await();
                // every writer delivers every fact, in its own order, from its own sources: each fact arrives 8 times
                List<Fact> shuffled = new ArrayList<>(facts);
                Collections.shuffle(shuffled, random);
                for (Fact fact : shuffled) {
                    applyUntilStored(fact, FactSource.values()[random.nextInt(3)]);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }

    /** A writer whose transaction kept losing the race tries again, as Antom resends an unacknowledged notification. */
    private void applyUntilStored(Fact fact, FactSource source) {
        while (true) {
            try {
                engine.useCases.applyPaymentFacts().apply(new ApplyPaymentFacts.Command(List.of(fact), source));
                return;
            } catch (ConcurrentUpdateException lostTheRace) {
                Thread.onSpinWait();
            }
        }
    }
}
