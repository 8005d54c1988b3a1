package org.payengine.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.id.PaymentRequestId;

/**
 * The background work that is due, as leased items: one item per {@link WorkKind} and attempt, each with the
 * instant it is due. Several engine nodes may share one store; a claim leases an item to one owner so that it is
 * worked by one node at a time even though the work (a call to Antom) happens outside the claiming transaction.
 *
 * <p>Items are created and removed only by {@link Orders#save}, in the saving transaction, following
 * {@link WorkItem#neededBy}: an item the order needs and does not have yet is added, due from its
 * {@link WorkItem#since()}; an item it no longer needs is removed (even while leased: settled work is done);
 * an item it still needs is left alone (its schedule and lease belong to the worker). So an attempt that settles
 * stops being worked in the same commit, and an attempt written {@code INITIATED} before Antom is called is due
 * for the poller even if the process dies right after.
 *
 * <p>A claim's lease is its promise: until {@code now + leaseFor} nobody else gets the item. The worker ends the
 * lease with {@link #reschedule} (work done, look again at the next check) or {@link #release} (not worked:
 * due again as before). A worker that dies leaves the lease to run out, after which another claim takes the item.
 * The lease must therefore be longer than the work may take; should it run out mid-work anyway, the work is
 * still safe (Antom's idempotency keys and the orders' optimistic versions), only no longer exclusive.
 *
 * <p>Thread-safe; each method is its own short transaction (called outside {@link Transactions}). The cost of a
 * claim grows with the due items, not with the orders stored.
 */
public interface DueWork {

    /**
     * Claims up to {@code limit} items of {@code kind} that are due at {@code now} (due instant not after it, and
     * not leased, or leased by a lease that has run out), earliest due first, and leases each to {@code owner}
     * until {@code now + leaseFor}. Concurrent claimers never receive the same item.
     */
    List<Claim> claim(WorkKind kind, Instant now, int limit, Duration leaseFor, String owner);

    /**
     * Ends the claim's lease: the item is due again at {@code nextCheck}. Does nothing when the claim no longer
     * holds: the item was removed (its work is done), or its lease ran out and someone else claimed it since.
     */
    void reschedule(Claim claim, Instant nextCheck);

    /**
     * Ends the claim's lease without working the item (e.g. the node is stopping): it is due again at the instant it
     * was due before the claim. Does nothing when the claim no longer holds.
     */
    void release(Claim claim);

    /** How many items of {@code kind} are due at {@code now} and not leased: a worker's backlog. */
    long countDue(WorkKind kind, Instant now);

    /** The instant the item of this kind and attempt is due (or its lease ends), empty when the attempt needs no such work. */
    Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt);

    /**
     * One claimed item.
     *
     * @param dueAt  when the item was due before this claim (how late it is worked is the worker's lag)
     * @param claims how many times the item has been claimed, this claim included (a measure of retries)
     * @param owner  who holds the lease
     * @param token  the store's identity of this claim; the claim holds only while the item still carries it
     */
    record Claim(WorkKind kind, PaymentRequestId attempt, Instant dueAt, int claims, String owner, long token) {
        public Claim {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
