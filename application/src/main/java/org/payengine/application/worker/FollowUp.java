package org.payengine.application.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.port.DueWork.Looks;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.GetPayment;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

/**
 * Follows up one kind of result Antom owes (a payment's, a capture's) by the {@link FollowUpPolicy}: takes a look
 * when the reason's schedule or the buyer's return says so, waits otherwise, and once the reason's looks are used
 * up raises the attempt for review and parks the item, so no attempt is ever asked about more than its cap.
 *
 * <p>A look that could not be sent (the node's {@link CallBudget} had no room, or Antom asked the node to slow
 * down meanwhile) is not counted: the item is due again when the budget allows, its schedule untouched.
 */
final class FollowUp implements DueItemHandler {

    /** What a look at Antom does for one kind of result. */
    interface Look {
        /** @return false when nothing was sent (the call budget had no room) */
        boolean take(PaymentAttempt attempt, FollowUpReason reason, Instant now);
    }

    private final WorkKind kind;
    private final String unsettledReason;
    private final GetPayment getPayment;
    private final Look look;
    private final FollowUpPolicy policy;
    private final CallBudget budget;
    private final Unsettled unsettled;
    private final double jitter;
    private final RandomGenerator random;

    FollowUp(WorkKind kind, String unsettledReason, GetPayment getPayment, Look look, FollowUpPolicy policy,
             CallBudget budget, Unsettled unsettled, double jitter, RandomGenerator random) {
        this.kind = kind;
        this.unsettledReason = unsettledReason;
        this.getPayment = getPayment;
        this.look = look;
        this.policy = policy;
        this.budget = budget;
        this.unsettled = unsettled;
        this.jitter = jitter;
        this.random = random;
    }

    @Override
    public Next work(Claim claim, Instant now) {
        Optional<PaymentAttempt> found = getPayment.get(claim.attempt());
        Optional<PendingWork> needed = found.flatMap(this::neededBy);
        if (needed.isEmpty()) {
            // settled meanwhile: the save that settled it removes the item
            return Next.at(DueWork.PARKED);
        }
        FollowUpReason reason = needed.get().reason();
        // an item from before reasons were kept counts from the instant the attempt's state gives
        Instant since = claim.reason() == reason ? claim.since() : needed.get().since();
        Optional<Instant> scheduled = policy.lookAt(reason, since, claim.looks());
        Optional<Instant> buyer = claim.buyerLooksLeft() > 0 && claim.lastBuyerLookAt() != null
                ? Optional.of(claim.lastBuyerLookAt().plus(policy.buyer().gap())) : Optional.empty();
        boolean scheduledDue = scheduled.filter(at -> !now.isBefore(at)).isPresent();
        boolean buyerDue = buyer.filter(at -> !now.isBefore(at)).isPresent();
        if (!scheduledDue && !buyerDue) {
            return waitFor(earliest(scheduled, buyer), found.get(), reason, claim.looks(), now, Looks.NONE);
        }
        long slowDownsBefore = budget.slowDowns();
        boolean sent = look.take(found.get(), reason, now);
        if (!sent || budget.slowDowns() != slowDownsBefore) {
            return Next.at(budget.retryAt());
        }
        Looks taken = scheduledDue ? Looks.scheduledLook() : Looks.buyerLook(now);
        int looks = claim.looks() + taken.scheduled();
        int buyerLooksLeft = claim.buyerLooksLeft() - taken.buyer();
        Optional<Instant> nextScheduled = policy.lookAt(reason, since, looks);
        Optional<Instant> nextBuyer = buyerLooksLeft <= 0 ? Optional.empty()
                : taken.buyer() > 0 ? Optional.of(now.plus(policy.buyer().gap())) : buyer;
        return waitFor(earliest(nextScheduled, nextBuyer), found.get(), reason, looks, now, taken);
    }

    /** The work of this follow-up's kind the attempt's state needs now, as the order says it. */
    private Optional<PendingWork> neededBy(PaymentAttempt attempt) {
        return attempt.pendingWork().stream().filter(item -> item.kind() == kind).findFirst();
    }

    /** Due at {@code next} (spread a little, never earlier); parked for review when no look is left. */
    private Next waitFor(Optional<Instant> next, PaymentAttempt attempt, FollowUpReason reason, int looks, Instant now,
                         Looks taken) {
        if (next.isPresent()) {
            return new Next(spread(next.get(), now), taken);
        }
        // the last look may just have settled the attempt: raise it only if it still needs this follow-up
        boolean stillNeeded = getPayment.get(attempt.id()).flatMap(this::neededBy)
                .filter(item -> item.reason() == reason).isPresent();
        if (stillNeeded) {
            unsettled.raise(attempt.id(), unsettledReason, "Antom's answer did not come after " + looks
                    + " looks (" + reason + "); the engine stopped asking", now);
        }
        return new Next(DueWork.PARKED, taken);
    }

    /** Later by up to the jitter's share of the wait, so that looks due together do not reach Antom together. */
    private Instant spread(Instant at, Instant now) {
        long waitMillis = Math.max(0, Duration.between(now, at).toMillis());
        return at.plusMillis((long) (waitMillis * jitter * random.nextDouble()));
    }

    private static Optional<Instant> earliest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return first.get().isBefore(second.get()) ? first : second;
    }
}
