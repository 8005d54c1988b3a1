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
 * deliveries and releases act on the committed state at once (the outbox worker calls them outside
 * transactions).
 */
public final class InMemoryOutbox implements Outbox {

    private final InMemoryDatabase database;

    public InMemoryOutbox(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<DomainEvent> claim(int max, Instant now, Duration lease) {
        return database.atomically(state -> {
            List<OutboxRecord> records = new ArrayList<>(state.outbox());
            Set<ReferenceOrderId> ordersSeen = new HashSet<>();
            List<DomainEvent> claimed = new ArrayList<>();
            for (int i = 0; i < records.size() && claimed.size() < max; i++) {
                OutboxRecord record = records.get(i);
                if (record.delivered() || !ordersSeen.add(record.event().orderId())) {
                    continue;
                }
                if (record.availableFrom() == null || !now.isBefore(record.availableFrom())) {
                    records.set(i, new OutboxRecord(record.event(), false, now.plus(lease)));
                    claimed.add(record.event());
                }
            }
            return new Change<>(state.withOutbox(records), claimed);
        });
    }

    @Override
    public void markDelivered(EventId id, Instant at) {
        update(id, record -> new OutboxRecord(record.event(), true, record.availableFrom()));
    }

    @Override
    public void release(EventId id, Instant retryAt) {
        update(id, record -> new OutboxRecord(record.event(), record.delivered(), retryAt));
    }

    @Override
    public List<DomainEvent> eventsOf(ReferenceOrderId orderId) {
        return database.read(state -> state.outbox().stream().map(OutboxRecord::event)
                .filter(event -> event.orderId().equals(orderId)).toList());
    }

    private void update(EventId id, UnaryOperator<OutboxRecord> change) {
        database.atomically(state -> new Change<>(state.withOutbox(state.outbox().stream()
                .map(record -> record.id().equals(id) ? change.apply(record) : record).toList()), null));
    }
}
