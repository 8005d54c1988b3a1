package org.payengine.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.payengine.application.port.DueWork;
import org.payengine.application.testing.InMemoryDatabase.Change;
import org.payengine.application.testing.InMemoryState.DueKey;
import org.payengine.application.testing.InMemoryState.DueRecord;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.work.WorkKind;

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
                DueRecord leased = record.leased(now.plus(leaseFor), owner);
                next = next.withDueRecord(entry.getKey(), leased);
                claims.add(new Claim(kind, entry.getKey().attempt(), record.reason(), record.since(), record.dueAt(),
                        record.looks(), record.buyerLooksLeft(), record.lastBuyerLookAt(), leased.claims(), owner,
                        record.id()));
            }
            return new Change<>(next, List.copyOf(claims));
        });
    }

    @Override
    public void reschedule(Claim claim, Instant next, Looks taken) {
        whileHeld(claim, record -> record.looked(taken.scheduled(), taken.buyer(), taken.buyerAt()).due(next));
    }

    @Override
    public void release(Claim claim) {
        whileHeld(claim, record -> record.due(claim.dueAt()));
    }

    @Override
    public boolean renew(Claim claim, Instant leaseEnd) {
        return whileHeld(claim, record -> record.renewed(leaseEnd));
    }

    @Override
    public boolean buyerReturned(PaymentRequestId attempt, Instant now, Instant quietSince, int maxReturns,
                                 int following, Instant firstFollowing) {
        DueKey key = new DueKey(WorkKind.PAYMENT_RESULT, attempt);
        return database.atomically(state -> {
            DueRecord record = state.dueWork().get(key);
            boolean may = record != null && record.buyerReturns() < maxReturns
                    && (record.lastBuyerLookAt() == null || !record.lastBuyerLookAt().isAfter(quietSince));
            return new Change<>(may ? state.withDueRecord(key, record.buyerReturned(now, following, firstFollowing))
                    : state, may);
        });
    }

    @Override
    public long countDue(WorkKind kind, Instant now) {
        return database.read(state -> state.dueWork().entrySet().stream()
                .filter(entry -> entry.getKey().kind() == kind && !entry.getValue().dueAt().isAfter(now)).count());
    }

    /** The earliest instant an item of {@code kind} is due (or its lease ends): what a test's clock runs to next. */
    public Optional<Instant> nextDue(WorkKind kind) {
        return database.read(state -> state.dueWork().entrySet().stream()
                .filter(entry -> entry.getKey().kind() == kind).map(entry -> entry.getValue().dueAt())
                .min(Comparator.naturalOrder()));
    }

    @Override
    public Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt) {
        return database.read(state -> Optional.ofNullable(state.dueWork().get(new DueKey(kind, attempt)))
                .map(DueRecord::dueAt));
    }

    /** Changes the claimed item while the claim holds; @return whether it held */
    private boolean whileHeld(Claim claim, UnaryOperator<DueRecord> change) {
        DueKey key = new DueKey(claim.kind(), claim.attempt());
        return database.atomically(state -> {
            DueRecord record = state.dueWork().get(key);
            boolean holds = record != null && record.id() == claim.token() && claim.owner().equals(record.owner())
                    && record.claims() == claim.claims();
            return new Change<>(holds ? state.withDueRecord(key, change.apply(record)) : state, holds);
        });
    }
}
