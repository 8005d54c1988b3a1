package org.payengine.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.work.PendingWork;

/**
 * One call of Antom's pay API for an order, and everything that followed from it: what the attempt is whatever its
 * state (its ids, amount, options, instants, what Antom said about the card and the hosted page, whether it is a
 * duplicate, the facts set aside for review), and its {@link AttemptState state}, which holds the rest. Immutable:
 * the {@link Order} aggregate replaces an attempt when it changes, and is the only way to change one.
 *
 * @param id          the payment request id; Antom's idempotency key for this attempt
 * @param orderId     the order's reference order id, sent with every attempt
 * @param amount      the amount asked for, the order's amount
 * @param options     how the merchant asked for the payment
 * @param initiatedAt when the attempt was written, before Antom was called
 * @param expiresAt   when Antom stops accepting the buyer (14 minutes after the call unless asked otherwise)
 * @param state       where the attempt stands, with the facts of that state
 * @param redirectUrl Antom's hosted page for the buyer ({@code normalUrl}), once known
 * @param card        what Antom said about the card, {@link CardFacts#NONE} until it says something
 * @param duplicate   whether this attempt succeeded while the order was already paid or closed
 * @param reviews     facts set aside because they contradict this attempt, each recorded once
 */
public record PaymentAttempt(PaymentRequestId id, ReferenceOrderId orderId, Money amount, PaymentOptions options,
                             Instant initiatedAt, Instant expiresAt, AttemptState state, String redirectUrl,
                             CardFacts card, boolean duplicate, List<Review> reviews) {

    public PaymentAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        card = card == null ? CardFacts.NONE : card;
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        if (duplicate && state.authorization() == null) {
            throw new IllegalArgumentException("Payment attempt " + id + " in status " + state.status()
                    + " cannot be a duplicate success without an authorization");
        }
        if (state.capture() != null && !state.capture().amount().equals(amount)) {
            throw new IllegalArgumentException("Payment attempt " + id + " has a capture of another amount");
        }
    }

    /**
     * An attempt as a store saved it, its state rebuilt from the parts a store keeps in columns. Parts the status
     * cannot have are refused, so a row that contradicts its status is found on reading, not lost on the next save.
     */
    public static PaymentAttempt restore(PaymentRequestId id, ReferenceOrderId orderId, Money amount,
                                         PaymentOptions options, AttemptStatus status, Instant initiatedAt,
                                         Instant expiresAt, PaymentId paymentId, String redirectUrl, Failure failure,
                                         Authorization authorization, CardFacts card, Capture capture,
                                         boolean duplicate, List<Refund> refunds, List<Review> reviews) {
        try {
            AttemptState state = StoredAttemptState.of(status, paymentId, failure, authorization, capture, refunds);
            return new PaymentAttempt(id, orderId, amount, options, initiatedAt, expiresAt, state, redirectUrl, card,
                    duplicate, reviews);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException invalid) {
            throw new IllegalArgumentException("Payment attempt " + id + " in status " + status + ": "
                    + invalid.getMessage(), invalid);
        }
    }

    /** A new attempt, written before Antom is called. */
    static PaymentAttempt initiated(PaymentRequestId id, ReferenceOrderId orderId, Money amount,
                                    PaymentOptions options, Instant now) {
        return new PaymentAttempt(id, orderId, amount, options, now, now.plus(options.effectiveExpiry()),
                new Initiated(), null, CardFacts.NONE, false, List.of());
    }

    public AttemptStatus status() {
        return state.status();
    }

    /** Antom's payment id, once known. */
    public PaymentId paymentId() {
        return state.paymentId();
    }

    /** Antom's reason, when {@link AttemptStatus#FAILED}. */
    public Failure failure() {
        return state.failure();
    }

    /** The authorization, once the payment succeeded (kept after a cancellation). */
    public Authorization authorization() {
        return state.authorization();
    }

    /** The one capture of this attempt, once there is one. */
    public Capture capture() {
        return state.capture();
    }

    /**
     * The refunds of the captured funds, oldest first: the merchant's (full or partial, several while their sum stays
     * within the captured amount), or the one full refund that undoes a captured duplicate.
     */
    public List<Refund> refunds() {
        return state.refunds();
    }

    public CaptureMode captureMode() {
        return options.captureMode();
    }

    /** For manual capture, the instant from which capturing is refused; {@code null} otherwise or before authorization. */
    public Instant captureDeadline() {
        return authorization() == null ? null : authorization().captureDeadline();
    }

    /** Whether Antom has stopped accepting the buyer while the result is still awaited. */
    public boolean isExpiredAt(Instant now) {
        return state instanceof AwaitingResult && !now.isBefore(expiresAt);
    }

    /** Whether a fact with this canonical description was already set aside for review. */
    public boolean hasReviewed(String factDescription) {
        return reviews.stream().anyMatch(review -> review.fact().equals(factDescription));
    }

    /** The refund with this refund request id, if this attempt has it. */
    public Optional<Refund> refund(RefundRequestId requestId) {
        return refunds().stream().filter(refund -> refund.requestId().equals(requestId)).findFirst();
    }

    /** What Antom has refunded of this attempt: the sum of its succeeded refunds (zero when none). */
    public Money refundedAmount() {
        Capture capture = capture();
        return capture == null ? Money.zero(amount.currency()) : Refunds.refunded(refunds(), capture);
    }

    /**
     * What may still be refunded: the captured amount less every refund that is not failed (one whose result is not
     * known yet counts as refunded). Zero when nothing is captured.
     */
    public Money refundable() {
        return state instanceof Captured captured
                ? Refunds.refundable(captured.refunds(), captured.capture()) : Money.zero(amount.currency());
    }

    /** Where the undoing of this duplicate stands; empty unless this attempt is a duplicate success. */
    public Optional<RemediationStatus> remediation() {
        if (!duplicate) {
            return Optional.empty();
        }
        if (state instanceof Cancelled) {
            return Optional.of(RemediationStatus.CANCELLED);
        }
        if (refunds().isEmpty()) {
            return Optional.of(RemediationStatus.CANCEL_REQUESTED);
        }
        return Optional.of(switch (refunds().get(0).status()) {
            case REQUESTED, PROCESSING -> RemediationStatus.REFUND_REQUESTED;
            case SUCCEEDED -> RemediationStatus.REFUNDED;
            case FAILED -> RemediationStatus.REFUND_FAILED;
        });
    }

    /** The background work this attempt needs in its state: its part of {@link OrderSnapshot#pendingWork()}. */
    public List<PendingWork> pendingWork() {
        return WorkNeeded.of(this);
    }

    /** This attempt in another state. */
    PaymentAttempt with(AttemptState next) {
        return new PaymentAttempt(id, orderId, amount, options, initiatedAt, expiresAt, next, redirectUrl, card,
                duplicate, reviews);
    }

    /** This attempt having learned Antom's hosted page; a known page is never replaced. */
    PaymentAttempt withRedirectUrl(String url) {
        return redirectUrl != null || url == null ? this : new PaymentAttempt(id, orderId, amount, options,
                initiatedAt, expiresAt, state, url, card, duplicate, reviews);
    }

    /** This attempt having learned more about the card; what is known is kept. */
    PaymentAttempt withCard(CardFacts learned) {
        return new PaymentAttempt(id, orderId, amount, options, initiatedAt, expiresAt, state, redirectUrl,
                card.filledFrom(learned), duplicate, reviews);
    }

    /** This attempt marked as a success the order already had: a duplicate to undo. */
    PaymentAttempt asDuplicate() {
        return new PaymentAttempt(id, orderId, amount, options, initiatedAt, expiresAt, state, redirectUrl, card,
                true, reviews);
    }

    PaymentAttempt withReview(Review review) {
        List<Review> more = new ArrayList<>(reviews);
        more.add(review);
        return new PaymentAttempt(id, orderId, amount, options, initiatedAt, expiresAt, state, redirectUrl, card,
                duplicate, more);
    }
}
