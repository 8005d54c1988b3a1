package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.WorkItem;
import org.payengine.application.port.WorkKind;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Due work in {@code due_work}: one row per kind and subject (a payment request id), due at {@code due_at}.
 * A claim selects the earliest due rows of a kind with {@code FOR UPDATE SKIP LOCKED} — so concurrent claimers on
 * several nodes pass each other instead of waiting or taking the same row — and leases each by moving
 * {@code due_at} to the end of the lease, naming the owner and counting the claim. The lease update also checks
 * that {@code due_at} is still the one read, so a row is never leased twice even where the lock would not hold
 * (H2 keeps the same SQL, {@code FOR UPDATE SKIP LOCKED} included). The index on {@code (kind, due_at, id)} makes a
 * claim read only the due rows, and settled attempts have no rows at all.
 *
 * <p>{@link #keepInStep} is called by the order's save, in its transaction.
 */
final class JdbiDueWork implements DueWork {

    private final JdbiTransactions transactions;

    JdbiDueWork(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Claim> claim(WorkKind kind, Instant now, int limit, Duration leaseFor, String owner) {
        return transactions.withHandle(handle -> {
            var select = handle.createQuery("""
                            SELECT id, subject, due_at, claims FROM due_work
                            WHERE kind = :kind AND due_at <= :now
                            ORDER BY due_at, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .bind("kind", kind.name())
                    .bind("limit", limit);
            bindInstant(select, "now", now);
            List<Claim> due = select.map((row, context) -> new Claim(kind,
                    PaymentRequestId.of(row.getString("subject")), instant(row, "due_at"), row.getInt("claims") + 1,
                    owner, row.getLong("id"))).list();
            if (due.isEmpty()) {
                return due;
            }
            PreparedBatch leases = handle.prepareBatch("""
                    UPDATE due_work SET due_at = :leaseEnd, due_before_claim = :dueAt, lease_owner = :owner,
                        claims = :claims
                    WHERE id = :id AND due_at = :dueAt""");
            for (Claim claim : due) {
                leases.bind("owner", owner).bind("claims", claim.claims()).bind("id", claim.token());
                bindInstant(leases, "leaseEnd", now.plus(leaseFor));
                bindInstant(leases, "dueAt", claim.dueAt());
                leases.add();
            }
            int[] leased = leases.execute();
            List<Claim> claimed = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) {
                if (leased[i] == 1) {
                    claimed.add(due.get(i));
                }
            }
            return claimed;
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
        return transactions.withHandle(handle -> {
            var count = handle.createQuery("SELECT COUNT(*) FROM due_work WHERE kind = :kind AND due_at <= :now")
                    .bind("kind", kind.name());
            bindInstant(count, "now", now);
            return count.mapTo(Long.class).one();
        });
    }

    @Override
    public Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT due_at FROM due_work WHERE kind = :kind AND subject = :subject")
                .bind("kind", kind.name())
                .bind("subject", attempt.value())
                .map((row, context) -> instant(row, "due_at"))
                .findFirst());
    }

    private void endLease(Claim claim, Instant dueAt) {
        transactions.withHandle(handle -> {
            var update = handle.createUpdate("""
                            UPDATE due_work SET due_at = :dueAt, due_before_claim = NULL, lease_owner = NULL
                            WHERE id = :id AND kind = :kind AND lease_owner = :owner AND claims = :claims""")
                    .bind("id", claim.token())
                    .bind("kind", claim.kind().name())
                    .bind("owner", claim.owner())
                    .bind("claims", claim.claims());
            bindInstant(update, "dueAt", dueAt);
            return update.execute();
        });
    }

    /**
     * Brings the due work of a saved order in step with {@link WorkItem#neededBy}, in the save's transaction: adds
     * the items it needs and lacks, removes those it no longer needs (leased or not), leaves the others alone.
     *
     * @param stored the items the order's rows have, when known without reading them: none for a new order, and
     *               for an order this transaction read at the version being saved, what {@link WorkItem#neededBy}
     *               gave for it as read (every save keeps them in step, under the version check); otherwise they
     *               are read
     */
    static void keepInStep(Handle handle, OrderSnapshot order, Optional<List<WorkItem>> stored) {
        if (order.attempts().isEmpty()) {
            return;
        }
        Map<ItemKey, WorkItem> needed = new LinkedHashMap<>();
        WorkItem.neededBy(order).forEach(item -> needed.put(ItemKey.of(item), item));
        Set<ItemKey> present = stored.isPresent() ? keysOf(stored.get()) : storedKeys(handle, order);
        List<ItemKey> obsolete = new ArrayList<>();
        present.forEach(key -> {
            if (!needed.containsKey(key)) {
                obsolete.add(key);
            }
        });
        List<WorkItem> missing = new ArrayList<>();
        needed.forEach((key, item) -> {
            if (!present.contains(key)) {
                missing.add(item);
            }
        });
        // An attempt that moves from one kind of work to the next (a payment result awaited, then its capture's)
        // keeps its row, made over as a new item: one statement, and one row fewer to delete and insert.
        List<WorkItem> inserts = new ArrayList<>();
        for (WorkItem item : missing) {
            Optional<ItemKey> replaced = obsolete.stream().filter(key -> key.subject().equals(item.attempt().value()))
                    .findFirst();
            if (replaced.isPresent() && replace(handle, replaced.get(), item)) {
                obsolete.remove(replaced.get());
            } else {
                inserts.add(item);
            }
        }
        if (!obsolete.isEmpty()) {
            PreparedBatch deletes = handle.prepareBatch("DELETE FROM due_work WHERE kind = :kind AND subject = :subject");
            obsolete.forEach(key -> deletes.bind("kind", key.kind()).bind("subject", key.subject()).add());
            deletes.execute();
        }
        if (!inserts.isEmpty()) {
            // DO NOTHING: an item already there (whatever the rows held) is left alone, as an item still needed is.
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO due_work (kind, subject, due_at, claims, scheduled_at)
                    VALUES (:kind, :subject, :since, 0, :since)
                    ON CONFLICT DO NOTHING""");
            for (WorkItem item : inserts) {
                batch.bind("kind", item.kind().name()).bind("subject", item.attempt().value());
                bindInstant(batch, "since", item.since());
                batch.add();
            }
            batch.execute();
        }
    }

    /**
     * Makes the row of {@code obsolete} over into {@code item}, unleased and never claimed; false when there is no
     * such row. A worker still holding the old item's lease no longer matches it: its lease names the old kind.
     */
    private static boolean replace(Handle handle, ItemKey obsolete, WorkItem item) {
        var update = handle.createUpdate("""
                        UPDATE due_work SET kind = :kind, due_at = :since, due_before_claim = NULL, lease_owner = NULL,
                            claims = 0, scheduled_at = :since
                        WHERE kind = :oldKind AND subject = :subject""")
                .bind("kind", item.kind().name())
                .bind("oldKind", obsolete.kind())
                .bind("subject", obsolete.subject());
        bindInstant(update, "since", item.since());
        return update.execute() == 1;
    }

    private static Set<ItemKey> keysOf(List<WorkItem> items) {
        Set<ItemKey> keys = new HashSet<>();
        items.forEach(item -> keys.add(ItemKey.of(item)));
        return keys;
    }

    /** The items the order's attempts have, read through the unique {@code (kind, subject)} index. */
    private static Set<ItemKey> storedKeys(Handle handle, OrderSnapshot order) {
        List<String> attempts = order.attempts().stream().map(PaymentAttempt::id).map(PaymentRequestId::value).toList();
        List<String> kinds = Arrays.stream(WorkKind.values()).map(WorkKind::name).toList();
        Set<ItemKey> keys = new HashSet<>();
        handle.createQuery("SELECT kind, subject FROM due_work WHERE kind IN (<kinds>) AND subject IN (<attempts>)")
                .bindList("kinds", kinds)
                .bindList("attempts", attempts)
                .map((row, context) -> new ItemKey(row.getString("kind"), row.getString("subject")))
                .forEach(keys::add);
        return keys;
    }

    private record ItemKey(String kind, String subject) {
        static ItemKey of(WorkItem item) {
            return new ItemKey(item.kind().name(), item.attempt().value());
        }
    }
}
