package org.payengine.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.WorkKind;
import org.payengine.application.testing.InMemoryDatabase.Change;
import org.payengine.application.testing.InMemoryState.DueKey;
import org.payengine.application.testing.InMemoryState.DueRecord;
import org.payengine.domain.id.PaymentRequestId;

/**
 * {@link DueWork} in memory. Items are added and removed by {@link InMemoryOrders#save} in its transaction; claims,
 * reschedules and releases act on the committed state at once, atomically (workers call them outside transactions).
 */
public final class InMemoryDueWork implements DueWork {

    private final InMemoryDatabase database;

    public InMemoryDueWork(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public List<Claim> claim(WorkKind kind, Instant now, int limit, Duration leaseFor, String owner) {
        return database.atomically(state -> {
            List<Map.Entry<DueKey, DueRecord>> due = state.dueWork().entrySet().stream()
                    .filter(entry -> entry.getKey().kind() == kind && !entry.getValue().dueAt().isAfter(now))
                    .sorted(Comparator.comparing((Map.Entry<DueKey, DueRecord> entry) -> entry.getValue().dueAt())
                            .thenComparing(entry -> entry.getValue().id()))
                    .limit(limit).toList();
            InMemoryState next = state;
            List<Claim> claims = new ArrayList<>();
            for (Map.Entry<DueKey, DueRecord> entry : due) {
                DueRecord record = entry.getValue();
                int count = record.claims() + 1;
                next = next.withDueRecord(entry.getKey(),
                        new DueRecord(record.id(), now.plus(leaseFor), owner, count, record.dueAt()));
                claims.add(new Claim(kind, entry.getKey().attempt(), record.dueAt(), count, owner, record.id()));
            }
            return new Change<>(next, List.copyOf(claims));
        });
    }

    @Override
    public void reschedule(Claim claim, Instant nextCheck) {
        endLease(claim, nextCheck);
    }

    @Override
    public void release(Claim claim) {
        endLease(claim, claim.dueAt());
    }

    @Override
    public long countDue(WorkKind kind, Instant now) {
        return database.read(state -> state.dueWork().entrySet().stream()
                .filter(entry -> entry.getKey().kind() == kind && !entry.getValue().dueAt().isAfter(now)).count());
    }

    @Override
    public Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt) {
        return database.read(state -> Optional.ofNullable(state.dueWork().get(new DueKey(kind, attempt)))
                .map(DueRecord::dueAt));
    }

    private void endLease(Claim claim, Instant dueAt) {
        DueKey key = new DueKey(claim.kind(), claim.attempt());
        database.atomically(state -> {
            DueRecord record = state.dueWork().get(key);
            boolean holds = record != null && record.id() == claim.token() && claim.owner().equals(record.owner())
                    && record.claims() == claim.claims();
            return new Change<>(holds ? state.withDueRecord(key, new DueRecord(record.id(), dueAt, null, record.claims(),
                    dueAt)) : state, null);
        });
    }
}
