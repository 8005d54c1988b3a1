package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.payengine.adapters.persistence.OrderFixtures.AMOUNT;
import static org.payengine.adapters.persistence.OrderFixtures.NOW;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;

/**
 * Each way an attempt can await Antom is found by its own branch of the poller's query (the query is a
 * union of index ranges, so each branch can be wrong on its own), and nothing else is.
 */
class AttemptFindersTest {

    abstract static class Suite {
        private final Database database;

        Suite(TestDatabase databases) {
            this.database = databases.migrated();
        }

        @Test
        void the_poller_finds_every_kind_of_attempt_awaiting_antom_and_nothing_settled() {
            PaymentRequestId pending = saved(CaptureMode.AUTOMATIC, (order, attempt) -> { });
            PaymentRequestId automaticCaptureDue = saved(CaptureMode.AUTOMATIC,
                    (order, attempt) -> order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW));
            PaymentRequestId captureRequested = saved(CaptureMode.MANUAL, (order, attempt) -> {
                order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW);
                order.requestCapture(attempt, AMOUNT, CaptureRequestId.of(OrderFixtures.unique("capture")),
                        AuditSource.MERCHANT, NOW);
            });
            PaymentRequestId awaitingTheMerchant = saved(CaptureMode.MANUAL,
                    (order, attempt) -> order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW));
            PaymentRequestId captured = saved(CaptureMode.MANUAL, (order, attempt) -> {
                order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, NOW);
                CaptureRequestId capture = CaptureRequestId.of(OrderFixtures.unique("capture"));
                order.requestCapture(attempt, AMOUNT, capture, AuditSource.MERCHANT, NOW);
                order.apply(new CaptureSucceeded(OrderFixtures.paymentIdOf(attempt), capture,
                        CaptureId.of(OrderFixtures.unique("antom-capture")), AMOUNT, NOW), FactSource.NOTIFICATION, NOW);
            });
            Set<PaymentRequestId> ours = Set.of(pending, automaticCaptureDue, captureRequested, awaitingTheMerchant,
                    captured);

            List<PaymentRequestId> awaiting = database.orders().findAttemptsAwaitingAntom(10_000).stream()
                    .filter(ours::contains).toList();

            assertEquals(List.of(pending, automaticCaptureDue, captureRequested), awaiting, "found, oldest first");
        }

        /** A saved order with one pending attempt taken through {@code steps}; later calls store later rows. */
        private PaymentRequestId saved(CaptureMode mode, BiConsumer<Order, PaymentRequestId> steps) {
            Order order = OrderFixtures.newOrder();
            PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, mode);
            steps.accept(order, attempt);
            database.transactions().run(() -> database.orders().save(order));
            return attempt;
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
