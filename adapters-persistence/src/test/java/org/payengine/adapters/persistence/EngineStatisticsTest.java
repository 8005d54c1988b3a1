package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;

/** The figures {@code /metrics} shows, counted by the database: each class starts from an empty one. */
class EngineStatisticsTest {

    abstract static class Figures {
        private final Database database;

        Figures(TestDatabase databases) {
            this.database = databases.migrated();
        }

        @Test
        void attempts_by_status_unmatched_notifications_and_the_outbox_with_its_dead_letters_are_counted() {
            Order paid = OrderFixtures.newOrder();
            PaymentRequestId succeeded = OrderFixtures.startPendingAttempt(paid, CaptureMode.MANUAL);
            paid.apply(OrderFixtures.success(succeeded), FactSource.NOTIFICATION, OrderFixtures.NOW);
            Order waiting = OrderFixtures.newOrder();
            OrderFixtures.startPendingAttempt(waiting, CaptureMode.AUTOMATIC);
            int events = paid.pendingEvents().size() + waiting.pendingEvents().size();
            database.transactions().run(() -> {
                database.orders().save(paid);
                database.orders().save(waiting);
                database.notificationInbox().record(new InboxEntry(OrderFixtures.unique("notification"),
                        new RawNotification("POST", "/notifications/antom", Map.of(),
                                "{}".getBytes(StandardCharsets.UTF_8), OrderFixtures.NOW),
                        InboxEntry.InboxStatus.UNMATCHED, OrderFixtures.NOW, null, "no order knows it"));
            });
            List<Outbox.PendingEvent> claimed = database.outbox().claim(10, OrderFixtures.NOW, Duration.ofMinutes(1));
            database.outbox().deadLetter(claimed.get(0).event().id(), "the merchant answered 500", OrderFixtures.NOW);

            EngineStatistics statistics = database.statistics();

            assertEquals(Map.of(AttemptStatus.AUTHORIZED, 1L, AttemptStatus.PENDING, 1L), statistics.attemptsByStatus());
            assertEquals(1, statistics.unmatchedNotifications());
            assertEquals(1, statistics.deadLetteredEvents());
            assertEquals(events - 1, statistics.undeliveredEvents(), "a dead letter is no longer waiting to be delivered");
        }
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Figures {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Figures {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
