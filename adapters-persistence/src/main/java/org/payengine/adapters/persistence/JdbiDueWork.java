package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.text;

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
import org.jdbi.v3.core.statement.Update;
import org.payengine.application.port.DueWork;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

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
                            SELECT id, subject, reason, scheduled_at, due_at, looks, buyer_looks_left,
                                last_buyer_look_at, claims FROM due_work
                            WHERE kind = :kind AND due_at <= :now
                            ORDER BY due_at, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .bind("kind", kind.name())
                    .bind("limit", limit);
            bindInstant(select, "now", now);
            List<Claim> due = select.map((row, context) -> new Claim(kind,
                    PaymentRequestId.of(row.getString("subject")), text(row, "reason", FollowUpReason::valueOf),
                    instant(row, "scheduled_at"), instant(row, "due_at"), row.getInt("looks"),
                    row.getInt("buyer_looks_left"), instant(row, "last_buyer_look_at"), row.getInt("claims") + 1,
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
    public void reschedule(Claim claim, Instant next, Looks taken) {
        transactions.withHandle(handle -> {
            // the buyer's looks are counted down from what the row holds now: a return recorded during the work
            // armed new ones, which this look must not overwrite
            var update = handle.createUpdate("""
                            UPDATE due_work SET due_at = :dueAt, due_before_claim = NULL, lease_owner = NULL,
                                looks = looks + :looks,
                                buyer_looks_left = CASE WHEN buyer_looks_left > :buyerLooks
                                    THEN buyer_looks_left - :buyerLooks ELSE 0 END,
                                last_buyer_look_at = COALESCE(:buyerAt, last_buyer_look_at)
                            WHERE id = :id AND kind = :kind AND lease_owner = :owner AND claims = :claims""")
                    .bind("looks", taken.scheduled())
                    .bind("buyerLooks", taken.buyer());
            bindInstant(update, "buyerAt", taken.buyerAt());
            bindInstant(update, "dueAt", next);
            return bindClaim(update, claim).execute();
        });
    }

    @Override
    public void release(Claim claim) {
        transactions.withHandle(handle -> {
            var update = handle.createUpdate("""
                    UPDATE due_work SET due_at = :dueAt, due_before_claim = NULL, lease_owner = NULL
                    WHERE id = :id AND kind = :kind AND lease_owner = :owner AND claims = :claims""");
            bindInstant(update, "dueAt", claim.dueAt());
            return bindClaim(update, claim).execute();
        });
    }

    @Override
    public boolean renew(Claim claim, Instant leaseEnd) {
        return transactions.withHandle(handle -> {
            var update = handle.createUpdate("""
                    UPDATE due_work SET due_at = :leaseEnd
                    WHERE id = :id AND kind = :kind AND lease_owner = :owner AND claims = :claims""");
            bindInstant(update, "leaseEnd", leaseEnd);
            return bindClaim(update, claim).execute() == 1;
        });
    }

    @Override
    public boolean buyerReturned(PaymentRequestId attempt, Instant now, Instant quietSince, int maxReturns,
                                 int following, Instant firstFollowing) {
        return transactions.withHandle(handle -> {
            // one conditional statement, so two nodes answering the same buyer cannot both ask
            var update = handle.createUpdate("""
                            UPDATE due_work SET buyer_returns = buyer_returns + 1, buyer_looks_left = :following,
                                last_buyer_look_at = :now,
                                due_at = CASE WHEN lease_owner IS NULL AND due_at > :firstFollowing
                                    THEN :firstFollowing ELSE due_at END
                            WHERE kind = :kind AND subject = :subject AND buyer_returns < :maxReturns
                                AND (last_buyer_look_at IS NULL OR last_buyer_look_at <= :quietSince)""")
                    .bind("kind", WorkKind.PAYMENT_RESULT.name())
                    .bind("subject", attempt.value())
                    .bind("maxReturns", maxReturns)
                    .bind("following", following);
            bindInstant(update, "now", now);
            bindInstant(update, "quietSince", quietSince);
            bindInstant(update, "firstFollowing", firstFollowing);
            return update.execute() == 1;
        });
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

    private static Update bindClaim(Update update, Claim claim) {
        return update.bind("id", claim.token())
                .bind("kind", claim.kind().name())
                .bind("owner", claim.owner())
                .bind("claims", claim.claims());
    }

    /**
     * Brings the due work of a saved order in step with the work it says it needs, in the save's transaction: adds
     * the items it needs and lacks, removes those it no longer needs (leased or not), leaves the others alone.
     *
     * @param work   the order's {@linkplain org.payengine.domain.order.Order#pendingWork() pending work}
     * @param stored the items the order's rows have, when known without reading them: none for a new order, and
     *               for an order this transaction read at the version being saved, the pending work of the order as
     *               read (every save keeps them in step, under the version check); otherwise they are read
     */
    static void keepInStep(Handle handle, OrderSnapshot order, List<PendingWork> work,
                           Optional<List<PendingWork>> stored) {
        if (order.attempts().isEmpty()) {
            return;
        }
        Map<ItemKey, PendingWork> needed = new LinkedHashMap<>();
        work.forEach(item -> needed.put(ItemKey.of(item), item));
        Set<ItemKey> present = stored.isPresent() ? keysOf(stored.get()) : storedKeys(handle, order);
        List<ItemKey> obsolete = new ArrayList<>();
        present.forEach(key -> {
            if (!needed.containsKey(key)) {
                obsolete.add(key);
            }
        });
        List<PendingWork> missing = new ArrayList<>();
        needed.forEach((key, item) -> {
            if (!present.contains(key)) {
                missing.add(item);
            }
        });
        // An attempt that moves from one reason or kind of work to the next (a call unanswered, then a notification
        // awaited; a payment result, then its capture's) keeps its row, made over as a new item: one statement, and
        // one row fewer to delete and insert. A row of the same kind is made over first, so that no row is ever
        // given a kind the attempt's other row still has (a row of the needed kind with another reason is obsolete).
        List<PendingWork> inserts = new ArrayList<>();
        for (PendingWork item : missing) {
            Optional<ItemKey> replaced = obsolete.stream()
                    .filter(key -> key.subject().equals(item.attempt().value()) && key.kind().equals(item.kind().name()))
                    .findFirst()
                    .or(() -> obsolete.stream().filter(key -> key.subject().equals(item.attempt().value())).findFirst());
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
                    INSERT INTO due_work (kind, subject, reason, due_at, claims, scheduled_at)
                    VALUES (:kind, :subject, :reason, :since, 0, :since)
                    ON CONFLICT DO NOTHING""");
            for (PendingWork item : inserts) {
                batch.bind("kind", item.kind().name()).bind("subject", item.attempt().value())
                        .bind("reason", item.reason().name());
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
    private static boolean replace(Handle handle, ItemKey obsolete, PendingWork item) {
        var update = handle.createUpdate("""
                        UPDATE due_work SET kind = :kind, reason = :reason, due_at = :since, due_before_claim = NULL,
                            lease_owner = NULL, claims = 0, scheduled_at = :since, looks = 0, buyer_returns = 0,
                            buyer_looks_left = 0, last_buyer_look_at = NULL
                        WHERE kind = :oldKind AND subject = :subject""")
                .bind("kind", item.kind().name())
                .bind("reason", item.reason().name())
                .bind("oldKind", obsolete.kind())
                .bind("subject", obsolete.subject());
        bindInstant(update, "since", item.since());
        return update.execute() == 1;
    }

    private static Set<ItemKey> keysOf(List<PendingWork> items) {
        Set<ItemKey> keys = new HashSet<>();
        items.forEach(item -> keys.add(ItemKey.of(item)));
        return keys;
    }

    /** The items the order's attempts have, read through the unique {@code (kind, subject)} index. */
    private static Set<ItemKey> storedKeys(Handle handle, OrderSnapshot order) {
        List<String> attempts = order.attempts().stream().map(PaymentAttempt::id).map(PaymentRequestId::value).toList();
        List<String> kinds = Arrays.stream(WorkKind.values()).map(WorkKind::name).toList();
        Set<ItemKey> keys = new HashSet<>();
        handle.createQuery("""
                        SELECT kind, subject, reason FROM due_work WHERE kind IN (<kinds>) AND subject IN (<attempts>)""")
                .bindList("kinds", kinds)
                .bindList("attempts", attempts)
                .map((row, context) -> new ItemKey(row.getString("kind"), row.getString("subject"),
                        row.getString("reason")))
                .forEach(keys::add);
        return keys;
    }

    /** An item as the store tells items apart: a row with another reason (or none, from before reasons) is made over. */
    private record ItemKey(String kind, String subject, String reason) {
        static ItemKey of(PendingWork item) {
            return new ItemKey(item.kind().name(), item.attempt().value(), item.reason().name());
        }
    }
}
