package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
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
 * @param refund        the refund that undoes a captured duplicate, once requested
 * @param reviews       facts set aside because they contradict this attempt, each recorded once
 */
public record PaymentAttempt(PaymentRequestId id, ReferenceOrderId orderId, Money amount, PaymentOptions options,
                             AttemptStatus status, Instant initiatedAt, Instant expiresAt, PaymentId paymentId,
                             String redirectUrl, Failure failure, Authorization authorization, CardFacts card,
                             Capture capture, boolean duplicate, Refund refund, List<Review> reviews) {

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
        boolean fundsTaken = status == AttemptStatus.AUTHORIZED || status == AttemptStatus.CAPTURED
                || status == AttemptStatus.REFUNDED;
        require(!fundsTaken || authorization != null && paymentId != null, id, status,
                "needs its authorization and Antom's payment id");
        require(status != AttemptStatus.CAPTURED && status != AttemptStatus.REFUNDED
                || capture != null && capture.isSucceeded(), id, status, "needs a succeeded capture");
        require(status != AttemptStatus.REFUNDED || refund != null && refund.status() == RefundStatus.SUCCEEDED,
                id, status, "needs a succeeded refund");
        require(status != AttemptStatus.FAILED || failure != null, id, status, "needs Antom's reason for the failure");
        require(capture == null || authorization != null, id, status, "cannot have a capture without an authorization");
        // Only an authorized attempt is followed up for its capture's answer; in any other state an unanswered
        // capture would wait for good.
        require(capture == null || !capture.status().isUnresolved() || status == AttemptStatus.AUTHORIZED, id, status,
                "cannot have a capture awaiting Antom's answer (" + (capture == null ? "" : capture.status()) + ")");
        require(!duplicate || authorization != null, id, status, "cannot be a duplicate success without an authorization");
        require(refund == null || duplicate && capture != null && capture.isSucceeded(), id, status,
                "can only have a refund as a captured duplicate");
    }

    /** A new attempt, written before Antom is called. */
    static PaymentAttempt initiated(PaymentRequestId id, ReferenceOrderId orderId, Money amount,
                                    PaymentOptions options, Instant now) {
        return new PaymentAttempt(id, orderId, amount, options, AttemptStatus.INITIATED, now,
                now.plus(options.effectiveExpiry()), null, null, null, null, CardFacts.NONE, null, false, null,
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

    /** Where the undoing of this duplicate stands; empty unless this attempt is a duplicate success. */
    public Optional<RemediationStatus> remediation() {
        if (!duplicate) {
            return Optional.empty();
        }
        if (status == AttemptStatus.CANCELLED) {
            return Optional.of(RemediationStatus.CANCELLED);
        }
        if (refund == null) {
            return Optional.of(RemediationStatus.CANCEL_REQUESTED);
        }
        return Optional.of(switch (refund.status()) {
            case REQUESTED, PROCESSING -> RemediationStatus.REFUND_REQUESTED;
            case SUCCEEDED -> RemediationStatus.REFUNDED;
            case FAILED -> RemediationStatus.REFUND_FAILED;
        });
    }

    Draft draft() {
        return new Draft(this);
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
        private Refund refund;
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
            this.refund = from.refund;
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

        Draft refund(Refund value) {
            this.refund = value;
            return this;
        }

        Draft review(Review value) {
            this.reviews = new java.util.ArrayList<>(reviews);
            this.reviews.add(value);
            return this;
        }

        PaymentAttempt build() {
            return new PaymentAttempt(from.id, from.orderId, from.amount, from.options, status, from.initiatedAt,
                    from.expiresAt, paymentId, redirectUrl, failure, authorization, card, capture, duplicate, refund,
                    reviews);
        }
    }
}
