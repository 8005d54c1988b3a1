package org.payengine.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.payengine.application.port.Outbox;
import org.payengine.application.testing.InMemoryDatabase.Change;
import org.payengine.application.testing.InMemoryState.OutboxRecord;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * {@link Outbox} in memory. Events are appended by {@link InMemoryOrders#save} in its transaction; claims,
 * deliveries, releases and dead letters act on the committed state at once (the outbox worker calls them outside
 * transactions).
 */
public final class InMemoryOutbox implements Outbox {

    private final InMemoryDatabase database;

    public InMemoryOutbox(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<PendingEvent> claim(int max, Instant now, Duration lease) {
        return database.atomically(state -> {
            List<OutboxRecord> records = new ArrayList<>(state.outbox());
            Set<ReferenceOrderId> ordersSeen = new HashSet<>();
            List<PendingEvent> claimed = new ArrayList<>();
            for (int i = 0; i < records.size() && claimed.size() < max; i++) {
                OutboxRecord record = records.get(i);
                if (record.done() || !ordersSeen.add(record.event().orderId())) {
                    continue;
                }
                if (isDue(record, now)) {
                    records.set(i, new OutboxRecord(record.event(), false, now.plus(lease), record.attempts() + 1,
                            record.lastError(), null));
                    claimed.add(new PendingEvent(record.event(), record.attempts()));
                }
            }
            return new Change<>(state.withOutbox(records), claimed);
        });
    }

    @Override
    public void markDelivered(EventId id, Instant at) {
        update(id, record -> new OutboxRecord(record.event(), true, record.availableFrom(), record.attempts(), null, null));
    }

    @Override
    public void release(EventId id, Instant retryAt, String error) {
        update(id, record -> record.done() ? record
                : new OutboxRecord(record.event(), false, retryAt, record.attempts(), error, null));
    }

    @Override
    public void deadLetter(EventId id, String reason, Instant at) {
        update(id, record -> record.done() ? record
                : new OutboxRecord(record.event(), false, record.availableFrom(), record.attempts(), reason, at));
    }

    @Override
    public long countDue(Instant now) {
        return database.read(state -> state.outbox().stream().filter(record -> !record.done() && isDue(record, now))
                .count());
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return database.read(state -> state.outbox().stream().filter(record -> record.deadLetteredAt() != null)
                .limit(limit)
                .map(record -> new DeadLetter(record.event(), record.attempts(), record.lastError(),
                        record.deadLetteredAt()))
                .toList());
    }

    @Override
    public List<DomainEvent> eventsOf(ReferenceOrderId orderId) {
        return database.read(state -> state.outbox().stream().map(OutboxRecord::event)
                .filter(event -> event.orderId().equals(orderId)).toList());
    }

    private static boolean isDue(OutboxRecord record, Instant now) {
        return record.availableFrom() == null || !now.isBefore(record.availableFrom());
    }

    private void update(EventId id, UnaryOperator<OutboxRecord> change) {
        database.atomically(state -> new Change<>(state.withOutbox(state.outbox().stream()
                .map(record -> record.id().equals(id) ? change.apply(record) : record).toList()), null));
    }
}
