package org.payengine.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

/**
 * The background work that is due, as leased items: one item per {@link WorkKind} and attempt, each with the
 * instant it is due. Several engine nodes may share one store; a claim leases an item to one owner so that it is
 * worked by one node at a time even though the work (a call to Antom) happens outside the claiming transaction.
 *
 * <p>Items are created and removed only by {@link Orders#save}, in the saving transaction, following what the order
 * says it needs ({@link org.payengine.domain.order.Order#pendingWork()}): an item the order needs and does not have
 * yet is added, due from its {@link PendingWork#since()}; an item it no longer needs is removed (even while leased:
 * settled work is done); an item it still needs for the same {@link FollowUpReason} is left alone (its schedule,
 * looks and lease belong to the worker), and one needed for another reason is made over, its looks counted again from none. So an attempt that settles
 * stops being worked in the same commit, and an attempt written {@code INITIATED} before Antom is called is due
 * for a follow-up even if the process dies right after.
 *
 * <p>A claim's lease is its promise: until {@code now + leaseFor} nobody else gets the item. The worker ends the
 * lease with {@link #reschedule} (work done, look again at the next check) or {@link #release} (not worked:
 * due again as before), and keeps it with {@link #renew} while the work runs. A worker that dies leaves the
 * lease to run out, after which another claim takes the item; so leases are short and renewed. Should one run out
 * mid-work anyway, the work is still safe (Antom's idempotency keys and the orders' optimistic versions), only no longer exclusive.
 *
 * <p>Thread-safe; each method is its own short transaction (called outside {@link Transactions}). The cost of a
 * claim grows with the due items, not with the orders stored.
 */
public interface DueWork {

    /** Where a parked item waits: a follow-up that used up its looks, until a new signal wakes it. */
    Instant PARKED = Instant.parse("9999-01-01T00:00:00Z");

    /**
     * Claims up to {@code limit} items of {@code kind} that are due at {@code now} (due instant not after it, and
     * not leased, or leased by a lease that has run out), earliest due first, and leases each to {@code owner}
     * until {@code now + leaseFor}. Concurrent claimers never receive the same item.
     */
    List<Claim> claim(WorkKind kind, Instant now, int limit, Duration leaseFor, String owner);

    /**
     * Ends the claim's lease: the item is due again at {@code next}, with the looks the work took added to its
     * counts. Does nothing when the claim no longer holds: the item was removed or made over (its work is done or
     * changed), or its lease ran out and someone else claimed it since.
     */
    void reschedule(Claim claim, Instant next, Looks taken);

    /** {@link #reschedule(Claim, Instant, Looks)} with no look taken: the work waited (too early, no call budget). */
    default void reschedule(Claim claim, Instant next) {
        reschedule(claim, next, Looks.NONE);
    }

    /**
     * Ends the claim's lease without working the item (e.g. the node is stopping): it is due again at the instant it
     * was due before the claim. Does nothing when the claim no longer holds.
     */
    void release(Claim claim);

    /**
     * Extends the claim's lease to {@code leaseEnd} while its work is still running, so that a short lease can cover
     * long work and a dead node's items are free again soon.
     *
     * @return false when the claim no longer holds (the work may still finish; its outcome is applied under the
     *         order's version check, but the item is someone else's now)
     */
    boolean renew(Claim claim, Instant leaseEnd);

    /**
     * The buyer is back (or the merchant asks for fresh data) while the attempt's payment result is awaited: records
     * the return on the attempt's {@link WorkKind#PAYMENT_RESULT} item and arms {@code following} more looks, the
     * first due at {@code firstFollowing} (brought forward if the item is not leased and due later).
     *
     * @param quietSince a return while the previous one was after this instant is not a new return
     * @param maxReturns how many returns of the attempt may ask Antom in all
     * @return true when this return may ask Antom now; false when the attempt has no such item (its result is known,
     *         or it awaits no payment result), a return was recorded after {@code quietSince}, or the attempt's
     *         returns are used up
     */
    boolean buyerReturned(PaymentRequestId attempt, Instant now, Instant quietSince, int maxReturns, int following,
                          Instant firstFollowing);

    /** How many items of {@code kind} are due at {@code now} and not leased: a worker's backlog. */
    long countDue(WorkKind kind, Instant now);

    /** The instant the item of this kind and attempt is due (or its lease ends), empty when the attempt needs no such work. */
    Optional<Instant> dueAt(WorkKind kind, PaymentRequestId attempt);

    /**
     * Looks at Antom counted on an item.
     *
     * @param scheduled  looks taken on the item's own schedule (its {@link FollowUpReason}'s)
     * @param buyer      looks taken because the buyer came back
     * @param buyerAt    when the latest buyer look was taken, {@code null} when {@code buyer} is 0
     */
    record Looks(int scheduled, int buyer, Instant buyerAt) {
        public static final Looks NONE = new Looks(0, 0, null);

        public Looks {
            if (scheduled < 0 || buyer < 0) {
                throw new IllegalArgumentException("looks cannot be negative");
            }
            if (buyer > 0) {
                Objects.requireNonNull(buyerAt, "buyerAt");
            }
        }

        public static Looks scheduledLook() {
            return new Looks(1, 0, null);
        }

        public static Looks buyerLook(Instant at) {
            return new Looks(0, 1, at);
        }
    }

    /**
     * One claimed item.
     *
     * @param reason          why the item is due: its {@link FollowUpReason} (an item made before reasons were kept
     *                        has none; the worker then takes the reason the attempt's state gives)
     * @param since           the instant the reason's schedule counts from
     * @param dueAt           when the item was due before this claim (how late it is worked is the worker's lag)
     * @param looks           looks taken on the reason's schedule so far
     * @param buyerLooksLeft  looks still armed by the buyer's latest return
     * @param lastBuyerLookAt when the buyer's latest return or look asked Antom; {@code null} if never
     * @param claims          how many times the item has been claimed, this claim included (a measure of retries)
     * @param owner           who holds the lease
     * @param token           the store's identity of this claim; the claim holds only while the item still carries it
     */
    record Claim(WorkKind kind, PaymentRequestId attempt, FollowUpReason reason, Instant since, Instant dueAt,
                 int looks, int buyerLooksLeft, Instant lastBuyerLookAt, int claims, String owner, long token) {
        public Claim {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
