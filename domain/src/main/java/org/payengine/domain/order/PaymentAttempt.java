package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;

/**
 * One call of Antom's pay API for an order, and everything that followed from it. Immutable: the
 * {@link Order} aggregate replaces an attempt when it changes, and is the only way to change one.
 * The canonical constructor is public so that a store can rebuild attempts; it checks that the parts fit
 * the status (an authorized attempt has its authorization, a captured one its succeeded capture, …).
 *
 * @param id            the payment request id; Antom's idempotency key for this attempt
 * @param orderId       the order's reference order id, sent with every attempt
 * @param amount        the amount asked for, the order's amount
 * @param options       how the merchant asked for the payment
 * @param initiatedAt   when the attempt was written, before Antom was called
 * @param expiresAt     when Antom stops accepting the buyer (14 minutes after the call unless asked otherwise)
 * @param paymentId     Antom's payment id, once known
 * @param redirectUrl   Antom's hosted page for the buyer ({@code normalUrl}), once known
 * @param failure       Antom's reason, when {@link AttemptStatus#FAILED}
 * @param authorization the authorization, once the payment succeeded (kept after a cancellation)
 * @param card          what Antom said about the card, {@link CardFacts#NONE} until it says something
 * @param capture       the one capture of this attempt, once there is one
 * @param duplicate     whether this attempt succeeded while the order was already paid or closed
 * @param refunds       the refunds of the captured funds, oldest first: the merchant's (full or partial, several
 *                      while their sum stays within the captured amount), or the one full refund that undoes a
 *                      captured duplicate
 * @param reviews       facts set aside because they contradict this attempt, each recorded once
 */
public record PaymentAttempt(PaymentRequestId id, ReferenceOrderId orderId, Money amount, PaymentOptions options,
                             AttemptStatus status, Instant initiatedAt, Instant expiresAt, PaymentId paymentId,
                             String redirectUrl, Failure failure, Authorization authorization, CardFacts card,
                             Capture capture, boolean duplicate, List<Refund> refunds, List<Review> reviews) {

    public PaymentAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        card = card == null ? CardFacts.NONE : card;
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        boolean fundsTaken = status == AttemptStatus.AUTHORIZED || status == AttemptStatus.CAPTURED
                || status == AttemptStatus.REFUNDED;
        require(!fundsTaken || authorization != null && paymentId != null, id, status,
                "needs its authorization and Antom's payment id");
        require(status != AttemptStatus.CAPTURED && status != AttemptStatus.REFUNDED
                || capture != null && capture.isSucceeded(), id, status, "needs a succeeded capture");
        require(refunds.isEmpty() || capture != null && capture.isSucceeded(), id, status,
                "can only have refunds once its capture succeeded");
        require(refunds.stream().map(Refund::requestId).distinct().count() == refunds.size(), id, status,
                "has two refunds with one refund request id");
        require(refunds.isEmpty() || capture.amount().compareTo(total(refunds, NOT_FAILED, amount)) >= 0, id, status,
                "has refunds beyond the captured amount");
        require(status != AttemptStatus.REFUNDED || total(refunds, SUCCEEDED, amount).equals(capture.amount()), id, status,
                "needs succeeded refunds of the whole captured amount");
        require(status != AttemptStatus.FAILED || failure != null, id, status, "needs Antom's reason for the failure");
        require(capture == null || authorization != null, id, status, "cannot have a capture without an authorization");
        // Only an authorized attempt is followed up for its capture's answer; in any other state an unanswered
        // capture would wait for good.
        require(capture == null || !capture.status().isUnresolved() || status == AttemptStatus.AUTHORIZED, id, status,
                "cannot have a capture awaiting Antom's answer (" + (capture == null ? "" : capture.status()) + ")");
        require(!duplicate || authorization != null, id, status, "cannot be a duplicate success without an authorization");
    }

    /** A new attempt, written before Antom is called. */
    static PaymentAttempt initiated(PaymentRequestId id, ReferenceOrderId orderId, Money amount,
                                    PaymentOptions options, Instant now) {
        return new PaymentAttempt(id, orderId, amount, options, AttemptStatus.INITIATED, now,
                now.plus(options.effectiveExpiry()), null, null, null, null, CardFacts.NONE, null, false, List.of(),
                List.of());
    }

    public CaptureMode captureMode() {
        return options.captureMode();
    }

    /** For manual capture, the instant from which capturing is refused; {@code null} otherwise or before authorization. */
    public Instant captureDeadline() {
        return authorization == null ? null : authorization.captureDeadline();
    }

    /** Whether Antom has stopped accepting the buyer while the result is still awaited. */
    public boolean isExpiredAt(Instant now) {
        return status.isAwaitingResult() && !now.isBefore(expiresAt);
    }

    /** Whether a fact with this canonical description was already set aside for review. */
    public boolean hasReviewed(String factDescription) {
        return reviews.stream().anyMatch(review -> review.fact().equals(factDescription));
    }

    /** The refund with this refund request id, if this attempt has it. */
    public Optional<Refund> refund(RefundRequestId requestId) {
        return refunds.stream().filter(refund -> refund.requestId().equals(requestId)).findFirst();
    }

    /** What Antom has refunded of this attempt: the sum of its succeeded refunds (zero when none). */
    public Money refundedAmount() {
        return total(refunds, SUCCEEDED, amount);
    }

    /**
     * What may still be refunded: the captured amount less every refund that is not failed. A refund whose result is
     * not known yet counts as refunded, so that two refunds awaiting Antom can never add up to more than was captured.
     * Zero when nothing is captured.
     */
    public Money refundable() {
        if (capture == null || !capture.isSucceeded()) {
            return Money.zero(amount.currency());
        }
        return capture.amount().minus(total(refunds, NOT_FAILED, amount));
    }

    /** Where the undoing of this duplicate stands; empty unless this attempt is a duplicate success. */
    public Optional<RemediationStatus> remediation() {
        if (!duplicate) {
            return Optional.empty();
        }
        if (status == AttemptStatus.CANCELLED) {
            return Optional.of(RemediationStatus.CANCELLED);
        }
        if (refunds.isEmpty()) {
            return Optional.of(RemediationStatus.CANCEL_REQUESTED);
        }
        return Optional.of(switch (refunds.get(0).status()) {
            case REQUESTED, PROCESSING -> RemediationStatus.REFUND_REQUESTED;
            case SUCCEEDED -> RemediationStatus.REFUNDED;
            case FAILED -> RemediationStatus.REFUND_FAILED;
        });
    }

    Draft draft() {
        return new Draft(this);
    }

    private static final Predicate<Refund> SUCCEEDED = refund -> refund.status() == RefundStatus.SUCCEEDED;
    /** Refunded, or possibly being refunded. */
    private static final Predicate<Refund> NOT_FAILED = refund -> refund.status() != RefundStatus.FAILED;

    private static Money total(List<Refund> refunds, Predicate<Refund> which, Money inCurrencyOf) {
        Money total = Money.zero(inCurrencyOf.currency());
        for (Refund refund : refunds) {
            if (which.test(refund)) {
                total = total.plus(refund.amount());
            }
        }
        return total;
    }

    private static void require(boolean condition, PaymentRequestId id, AttemptStatus status, String what) {
        if (!condition) {
            throw new IllegalArgumentException("Payment attempt " + id + " in status " + status + " " + what);
        }
    }

    /** A mutable copy used by the aggregate to build the next version of an attempt. */
    static final class Draft {
        private final PaymentAttempt from;
        private AttemptStatus status;
        private PaymentId paymentId;
        private String redirectUrl;
        private Failure failure;
        private Authorization authorization;
        private CardFacts card;
        private Capture capture;
        private boolean duplicate;
        private List<Refund> refunds;
        private List<Review> reviews;

        private Draft(PaymentAttempt from) {
            this.from = from;
            this.status = from.status;
            this.paymentId = from.paymentId;
            this.redirectUrl = from.redirectUrl;
            this.failure = from.failure;
            this.authorization = from.authorization;
            this.card = from.card;
            this.capture = from.capture;
            this.duplicate = from.duplicate;
            this.refunds = from.refunds;
            this.reviews = from.reviews;
        }

        Draft status(AttemptStatus value) {
            this.status = value;
            return this;
        }

        /** Learns Antom's payment id if it was not known yet; a known id is never replaced. */
        Draft paymentId(PaymentId value) {
            if (paymentId == null) {
                this.paymentId = value;
            }
            return this;
        }

        Draft redirectUrl(String value) {
            if (redirectUrl == null) {
                this.redirectUrl = value;
            }
            return this;
        }

        Draft failure(Failure value) {
            this.failure = value;
            return this;
        }

        Draft authorization(Authorization value) {
            this.authorization = value;
            return this;
        }

        Draft card(CardFacts value) {
            this.card = card.filledFrom(value);
            return this;
        }

        Draft capture(Capture value) {
            this.capture = value;
            return this;
        }

        Draft duplicate(boolean value) {
            this.duplicate = value;
            return this;
        }

        /** Adds a new refund, or replaces the refund with the same refund request id. */
        Draft refund(Refund value) {
            List<Refund> next = new java.util.ArrayList<>(refunds);
            int index = -1;
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).requestId().equals(value.requestId())) {
                    index = i;
                }
            }
            if (index < 0) {
                next.add(value);
            } else {
                next.set(index, value);
            }
            this.refunds = next;
            return this;
        }

        Draft review(Review value) {
            this.reviews = new java.util.ArrayList<>(reviews);
            this.reviews.add(value);
            return this;
        }

        PaymentAttempt build() {
            return new PaymentAttempt(from.id, from.orderId, from.amount, from.options, status, from.initiatedAt,
                    from.expiresAt, paymentId, redirectUrl, failure, authorization, card, capture, duplicate, refunds,
                    reviews);
        }
    }
}
