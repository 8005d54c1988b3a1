package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.payengine.application.port.Outbox;
import org.payengine.domain.Text;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * Domain events in {@code outbox_events}. An event is due while {@code next_attempt_at} is set and
 * has passed; a claim moves it to the end of the lease (so a crashed deliverer's event falls due
 * again by itself) and delivery clears it, as does dead-lettering (which sets {@code dead_lettered_at}). Only the
 * first undelivered, not dead-lettered event of each order is ever claimable, which keeps delivery in order per
 * order. Each claim counts a delivery attempt. Claims lock with {@code FOR UPDATE SKIP LOCKED},
 * so concurrent claimers on several nodes pass each other instead of waiting or taking the same event.
 */
final class JdbiOutbox implements Outbox {

    /** Every event type, by the simple class name stored with each event. */
    private static final Map<String, Class<?>> EVENT_CLASSES = Arrays.stream(DomainEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JdbiTransactions transactions;

    JdbiOutbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    static void append(Handle handle, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO outbox_events (event_id, reference_order_id, event_type, event_class, payload, occurred_at,
                    delivery_attempts, next_attempt_at)
                VALUES (:eventId, :orderId, :type, :eventClass, :payload, :occurredAt, 0, :occurredAt)""");
        for (DomainEvent event : events) {
            batch.bind("eventId", event.id().value())
                    .bind("orderId", event.orderId().value())
                    .bind("type", event.type())
                    .bind("eventClass", event.getClass().getSimpleName())
                    .bind("payload", JsonDocuments.write(event));
            bindInstant(batch, "occurredAt", event.occurredAt());
            batch.add();
        }
        batch.execute();
    }

    @Override
    public List<PendingEvent> claim(int max, Instant now, Duration lease) {
        return transactions.withHandle(handle -> {
            var select = handle.createQuery("""
                            SELECT e.id, e.event_class, e.payload, e.delivery_attempts FROM outbox_events e
                            WHERE e.next_attempt_at <= :now
                              AND NOT EXISTS (SELECT 1 FROM outbox_events earlier
                                              WHERE earlier.reference_order_id = e.reference_order_id
                                                AND earlier.next_attempt_at IS NOT NULL
                                                AND earlier.id < e.id)
                            ORDER BY e.next_attempt_at, e.id
                            LIMIT :max
                            FOR UPDATE SKIP LOCKED""")
                    .bind("max", max);
            bindInstant(select, "now", now);
            List<ClaimedEvent> claimed = select.map((row, context) -> claimedEvent(row)).list();
            if (!claimed.isEmpty()) {
                PreparedBatch leases = handle.prepareBatch("""
                        UPDATE outbox_events SET next_attempt_at = :leaseEnd, delivery_attempts = delivery_attempts + 1
                        WHERE id = :id""");
                for (ClaimedEvent event : claimed) {
                    bindInstant(leases.bind("id", event.rowId()), "leaseEnd", now.plus(lease));
                    leases.add();
                }
                leases.execute();
            }
            return claimed.stream().map(event -> new PendingEvent(event.event(), event.attempts())).toList();
        });
    }

    @Override
    public void markDelivered(EventId id, Instant at) {
        transactions.withHandle(handle -> bindInstant(handle.createUpdate("""
                        UPDATE outbox_events SET next_attempt_at = NULL, delivered_at = :at, last_error = NULL
                        WHERE event_id = :eventId""").bind("eventId", id.value()), "at", at)
                .execute());
    }

    @Override
    public void release(EventId id, Instant retryAt, String error) {
        transactions.withHandle(handle -> bindInstant(handle.createUpdate("""
                        UPDATE outbox_events SET next_attempt_at = :retryAt, last_error = :error
                        WHERE event_id = :eventId AND next_attempt_at IS NOT NULL""")
                        .bind("eventId", id.value())
                        .bind("error", Text.tidied(error, 1024)), "retryAt", retryAt)
                .execute());
    }

    @Override
    public void deadLetter(EventId id, String reason, Instant at) {
        transactions.withHandle(handle -> bindInstant(handle.createUpdate("""
                        UPDATE outbox_events SET next_attempt_at = NULL, dead_lettered_at = :at, last_error = :reason
                        WHERE event_id = :eventId AND next_attempt_at IS NOT NULL""")
                        .bind("eventId", id.value())
                        .bind("reason", Text.tidied(reason, 1024)), "at", at)
                .execute());
    }

    @Override
    public long countDue(Instant now) {
        return transactions.withHandle(handle -> bindInstant(handle.createQuery(
                "SELECT COUNT(*) FROM outbox_events WHERE next_attempt_at <= :now"), "now", now)
                .mapTo(Long.class).one());
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT id, event_class, payload, delivery_attempts, last_error, dead_lettered_at FROM outbox_events
                        WHERE dead_lettered_at IS NOT NULL
                        ORDER BY id
                        LIMIT :limit""")
                .bind("limit", limit)
                .map((row, context) -> new DeadLetter(claimedEvent(row).event(), row.getInt("delivery_attempts"),
                        row.getString("last_error"), instant(row, "dead_lettered_at")))
                .list());
    }

    @Override
    public List<DomainEvent> eventsOf(ReferenceOrderId orderId) {
        return transactions.withHandle(handle -> handle
                .createQuery("""
                        SELECT id, event_class, payload, delivery_attempts FROM outbox_events
                        WHERE reference_order_id = ? ORDER BY id""")
                .bind(0, orderId.value())
                .map((row, context) -> claimedEvent(row).event())
                .list());
    }

    private record ClaimedEvent(long rowId, DomainEvent event, int attempts) {
    }

    private static ClaimedEvent claimedEvent(ResultSet row) throws SQLException {
        String eventClass = row.getString("event_class");
        Class<?> type = EVENT_CLASSES.get(eventClass);
        if (type == null) {
            throw new IllegalStateException("outbox event " + row.getLong("id") + " has an unknown class " + eventClass);
        }
        return new ClaimedEvent(row.getLong("id"), (DomainEvent) JsonDocuments.read(row.getString("payload"), type),
                row.getInt("delivery_attempts"));
    }
}
