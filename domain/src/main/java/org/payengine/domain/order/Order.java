package org.payengine.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.event.AuthorizationReleased;
import org.payengine.domain.event.CaptureCompleted;
import org.payengine.domain.event.CaptureDeadlineNear;
import org.payengine.domain.event.CaptureDeclined;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.DuplicateCancelled;
import org.payengine.domain.event.DuplicateRefunded;
import org.payengine.domain.event.DuplicateSuccessDetected;
import org.payengine.domain.event.EventId;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.event.OrderAuthorized;
import org.payengine.domain.event.OrderClosed;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.event.PaymentAttemptCancelled;
import org.payengine.domain.event.PaymentAttemptFailed;
import org.payengine.domain.event.RefundCompleted;
import org.payengine.domain.event.RefundDeclined;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.AttemptAlreadyFinal;
import org.payengine.domain.order.OrderRejection.CaptureAmountMismatch;
import org.payengine.domain.order.OrderRejection.CaptureInProgress;
import org.payengine.domain.order.OrderRejection.CaptureIsAutomatic;
import org.payengine.domain.order.OrderRejection.CaptureWindowExpired;
import org.payengine.domain.order.OrderRejection.DuplicateNotCapturable;
import org.payengine.domain.order.OrderRejection.IssuerAuthenticationNeedsAutomaticCapture;
import org.payengine.domain.order.OrderRejection.NotADuplicate;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.order.OrderRejection.OrderNotOpen;
import org.payengine.domain.order.OrderRejection.PaymentNotFound;
import org.payengine.domain.order.OrderRejection.PaymentRequestIdInUse;
import org.payengine.domain.order.OrderRejection.DuplicateNotRefundable;
import org.payengine.domain.order.OrderRejection.RefundAmountNotPositive;
import org.payengine.domain.order.OrderRejection.RefundCurrencyMismatch;
import org.payengine.domain.order.OrderRejection.RefundExceedsCaptured;
import org.payengine.domain.order.OrderRejection.RefundNeedsCapture;
import org.payengine.domain.work.PendingWork;

/**
 * The order aggregate: one merchant order and all its payment attempts, each with its capture and its
 * refunds. Every change of an order or its attempts goes through this class, which keeps
 * the rules:
 * <ul>
 *   <li>one success per order: an attempt that succeeds while the order is already paid (or closed) is a
 *       duplicate, marked so and undone, never dropped;</li>
 *   <li>new attempts only while the order is {@code OPEN};</li>
 *   <li>facts from Antom arrive from three sources in any order and any number of times: applying one twice
 *       is a no-op, terminal states never regress, and contradictory facts are recorded for review instead
 *       of applied;</li>
 *   <li>PayEngine never fails an attempt on its own: only Antom's definite answer does;</li>
 *   <li>manual capture only inside the window and for exactly the authorized amount, with one capture
 *       request id reused on every retry.</li>
 * </ul>
 * An {@code Order} is loaded, changed and saved as a whole within one transaction, with optimistic
 * locking on {@link #version()}. Each change records an audit entry and may raise domain events; both
 * wait in {@link #pendingAuditEntries()} and {@link #pendingEvents()} until the store saves them together
 * with the new state. An {@code Order} object is saved at most once; load it again to change it further.
 * Not thread-safe: one unit of work owns it.
 */
public final class Order {

    /** Antom's result code for a capture of a payment it cancelled; a capture overtaken by a cancel fails with it. */
    static final String CAPTURE_OF_CANCELLED_PAYMENT = "ORDER_IS_CANCELED";

    private OrderSnapshot state;
    private final List<DomainEvent> events = new ArrayList<>();
    private final List<AuditEntry> auditEntries = new ArrayList<>();
    private boolean changed;

    private Order(OrderSnapshot state) {
        this.state = state;
    }

    /** A new, unsaved order (version 0) with no attempts. */
    public static Order create(ReferenceOrderId id, Money amount, String description, Buyer buyer,
                               List<GoodsLine> goods, Instant now) {
        Order order = new Order(new OrderSnapshot(id, amount, description, buyer, goods, now, null, null, List.of(), 0));
        order.changed = true;
        order.audit(AuditSubject.ORDER, id.value(), null, OrderStatus.OPEN.name(), AuditSource.MERCHANT, now,
                "order created for " + amount);
        return order;
    }

    /** The aggregate for a state a store loaded. */
    public static Order restore(OrderSnapshot snapshot) {
        return new Order(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** The current state, including changes not saved yet; its version is the version loaded. */
    public OrderSnapshot snapshot() {
        return state;
    }

    public ReferenceOrderId id() {
        return state.id();
    }

    public OrderStatus status() {
        return state.status();
    }

    /** The version this order was loaded at (0 if never saved); a save succeeds only if it is still the stored one. */
    public long version() {
        return state.version();
    }

    public List<PaymentAttempt> attempts() {
        return state.attempts();
    }

    public Optional<PaymentAttempt> attempt(PaymentRequestId attemptId) {
        return state.attempt(attemptId);
    }

    /** Whether anything changed since the order was created or loaded, i.e. whether it must be saved. */
    public boolean hasChanges() {
        return changed;
    }

    /** Domain events raised since loading, in the order they happened, waiting to be stored with the state. */
    public List<DomainEvent> pendingEvents() {
        return Collections.unmodifiableList(events);
    }

    /**
     * The background work the order's current state needs ({@link PendingWork#of(OrderSnapshot)}): the results
     * Antom still owes, the capture deadlines that run, the duplicates still to undo. Where {@link #pendingEvents()}
     * says what happened since loading, this says what is due now, whole; the store keeps its due work in step
     * with it when it saves the state, so no store has to know the rule.
     */
    public List<PendingWork> pendingWork() {
        return PendingWork.of(state);
    }

    /** Audit entries recorded since loading, in order, waiting to be stored with the state. */
    public List<AuditEntry> pendingAuditEntries() {
        return Collections.unmodifiableList(auditEntries);
    }

    // ----------------------------------------------------------------------------------------------
    // Merchant and worker operations
    // ----------------------------------------------------------------------------------------------

    /**
     * Writes a new attempt as {@code INITIATED}, before Antom is called.
     *
     * @param attemptId a new payment request id
     * @return the new attempt, or why not: the order is not {@code OPEN}; issuer authentication with manual
     *         capture; the payment request id is taken
     */
    public Result<PaymentAttempt> startAttempt(PaymentRequestId attemptId, PaymentOptions options, Instant now) {
        if (status() != OrderStatus.OPEN) {
            return Result.refused(new OrderNotOpen(id(), status()));
        }
        if (options.requireIssuerAuthentication() && options.captureMode() == CaptureMode.MANUAL) {
            return Result.refused(new IssuerAuthenticationNeedsAutomaticCapture(id()));
        }
        if (attempt(attemptId).isPresent()) {
            return Result.refused(new PaymentRequestIdInUse(id(), attemptId));
        }
        PaymentAttempt attempt = PaymentAttempt.initiated(attemptId, id(), state.amount(), options, now);
        List<PaymentAttempt> attempts = new ArrayList<>(state.attempts());
        attempts.add(attempt);
        state = state.with(attempts, state.successfulAttempt(), state.closedAt());
        changed = true;
        audit(AuditSubject.ATTEMPT, attemptId.value(), null, AttemptStatus.INITIATED.name(), AuditSource.MERCHANT, now,
                options.captureMode() + " capture, expires " + attempt.expiresAt());
        return Result.accepted(attempt);
    }

    /**
     * Requests the capture of an authorized manual-capture attempt, writing it {@code REQUESTED} before
     * Antom is called. Idempotent: while a capture is unresolved the same capture is returned (to be sent
     * again with the same capture request id); a failed capture is requested again, with the same id,
     * while the window is open.
     *
     * @param requested    the amount to capture; must equal the authorized amount
     * @param newRequestId used only if the attempt has no capture yet
     */
    public Result<Capture> requestCapture(PaymentRequestId attemptId, Money requested, CaptureRequestId newRequestId,
                                          AuditSource by, Instant now) {
        Optional<PaymentAttempt> found = attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(id(), attemptId));
        }
        PaymentAttempt attempt = found.get();
        Capture capture = attempt.capture();
        if (capture != null && capture.isSucceeded()) {
            return Result.refused(new AlreadyCaptured(attemptId, capture));
        }
        if (attempt.status() != AttemptStatus.AUTHORIZED) {
            return Result.refused(new NotAuthorized(attemptId, attempt.status()));
        }
        if (attempt.duplicate()) {
            return Result.refused(new DuplicateNotCapturable(attemptId));
        }
        if (attempt.captureMode() != CaptureMode.MANUAL) {
            return Result.refused(new CaptureIsAutomatic(attemptId));
        }
        if (!requested.equals(attempt.amount())) {
            return Result.refused(new CaptureAmountMismatch(attemptId, attempt.amount(), requested));
        }
        if (capture != null && capture.status().isUnresolved()) {
            return Result.accepted(capture);
        }
        if (!attempt.authorization().allowsCaptureAt(now)) {
            return Result.refused(new CaptureWindowExpired(attemptId, attempt.captureDeadline(), now));
        }
        Capture next = capture == null
                ? Capture.requested(newRequestId, attempt.amount(), now) : capture.retried(newRequestId);
        replace(attempt, attempt.draft().capture(next).build(), by, now,
                capture == null ? "capture requested" : "capture retried after " + capture.failure().code());
        return Result.accepted(next);
    }

    /**
     * Checks that an attempt may be cancelled at Antom now (nothing is written: Antom's answer is applied as a
     * {@link PaymentCancelled} fact). Captured funds are refunded, not cancelled; final attempts have nothing
     * left to cancel; and while a capture is on its way the cancel waits for its answer, so that a capture and a
     * cancel are ordered on the order. A cancel checked just before a capture was requested still reaches Antom,
     * which orders the two: a confirmed cancel then fails the capture (see {@link #apply}), and a capture Antom made
     * first makes it refuse the cancel.
     */
    public Result<PaymentAttempt> checkCancellable(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(id(), attemptId));
        }
        PaymentAttempt attempt = found.get();
        if (attempt.status() == AttemptStatus.CAPTURED && !attempt.duplicate()) {
            return Result.refused(new AlreadyCaptured(attemptId, attempt.capture()));
        }
        if (attempt.status().isTerminal()) {
            return Result.refused(new AttemptAlreadyFinal(attemptId, attempt.status()));
        }
        if (attempt.capture() != null && attempt.capture().status().isUnresolved()) {
            return Result.refused(new CaptureInProgress(attemptId, attempt.capture()));
        }
        return Result.accepted(attempt);
    }

    /**
     * Closes an order that was never paid. Closing a closed order changes nothing. A payment that still
     * succeeds afterwards is a duplicate and gets undone.
     */
    public Result<OrderStatus> close(String reason, AuditSource by, Instant now) {
        OrderStatus before = status();
        if (before == OrderStatus.CLOSED) {
            return Result.accepted(before);
        }
        if (before != OrderStatus.OPEN) {
            return Result.refused(new OrderNotOpen(id(), before));
        }
        state = state.with(state.attempts(), null, now);
        changed = true;
        audit(AuditSubject.ORDER, id().value(), before.name(), OrderStatus.CLOSED.name(), by, now, reason);
        raise(eventId -> new OrderClosed(eventId, now, reason));
        return Result.accepted(OrderStatus.CLOSED);
    }

    /**
     * Switches the undoing of a captured duplicate from cancel to a full refund, after Antom refused to cancel
     * it (e.g. {@code CANCEL_WINDOW_EXCEED}). Idempotent: once a refund exists it is returned as it is, so its
     * refund request id is generated once and reused on every retry.
     *
     * @param newRequestId used only if the attempt has no refund yet
     * @param reason       why a refund is needed, typically Antom's answer to the cancel
     */
    public Result<Refund> refundDuplicateInstead(PaymentRequestId attemptId, RefundRequestId newRequestId,
                                                 String reason, AuditSource by, Instant now) {
        Optional<PaymentAttempt> found = attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(id(), attemptId));
        }
        PaymentAttempt attempt = found.get();
        if (!attempt.duplicate()) {
            return Result.refused(new NotADuplicate(attemptId));
        }
        if (!attempt.refunds().isEmpty()) {
            return Result.accepted(attempt.refunds().get(0));
        }
        if (attempt.status() != AttemptStatus.CAPTURED) {
            return Result.refused(new RefundNeedsCapture(attemptId, attempt.status()));
        }
        Refund refund = Refund.requested(newRequestId, attempt.capture().amount(), reason, now);
        replace(attempt, attempt.draft().refund(refund).build(), by, now, "refund requested: " + reason);
        return Result.accepted(refund);
    }

    /**
     * Writes a new refund of captured funds {@code REQUESTED}, before Antom is called: full or partial, and several
     * per payment as long as their sum stays within the captured amount (refunds whose result is not known yet count,
     * failed ones do not). Each call is a new refund; a retry of the same refund sends the one returned here again,
     * under its refund request id.
     *
     * <p>How long after the payment a refund is accepted is Antom's to say: the refund window is set per payment
     * method by the merchant's contract ("If the refund request is out of the refund window determined in the
     * contract, the refund request will be declined", docs.antom.com/ac/ams/refund_online; "Refund period: depends on
     * the payment method", docs.antom.com/ac/cpnew/refund). The engine does not guess it: Antom's
     * {@code REFUND_WINDOW_EXCEED} fails the refund.
     *
     * @param newRequestId a new refund request id
     * @return the new refund, or why not: no such attempt; a duplicate (PayEngine refunds those itself); not captured;
     *         another currency; not a positive amount; more than is left to refund
     */
    public Result<Refund> requestRefund(PaymentRequestId attemptId, Money amount, String reason,
                                        RefundRequestId newRequestId, AuditSource by, Instant now) {
        Optional<PaymentAttempt> found = attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(id(), attemptId));
        }
        PaymentAttempt attempt = found.get();
        if (attempt.duplicate()) {
            return Result.refused(new DuplicateNotRefundable(attemptId));
        }
        if (attempt.status() != AttemptStatus.CAPTURED && attempt.status() != AttemptStatus.REFUNDED) {
            return Result.refused(new RefundNeedsCapture(attemptId, attempt.status()));
        }
        Money captured = attempt.capture().amount();
        if (!amount.sameCurrencyAs(captured)) {
            return Result.refused(new RefundCurrencyMismatch(attemptId, captured, amount));
        }
        if (!amount.isPositive()) {
            return Result.refused(new RefundAmountNotPositive(attemptId, amount));
        }
        if (amount.compareTo(attempt.refundable()) > 0) {
            return Result.refused(new RefundExceedsCaptured(attemptId, captured, attempt.refundable(), amount));
        }
        if (attempt.refund(newRequestId).isPresent() || state.attemptByRefundRequestId(newRequestId).isPresent()) {
            throw new IllegalArgumentException("refund request id " + newRequestId + " is in use already");
        }
        Refund refund = Refund.requested(newRequestId, amount, reason, now);
        replace(attempt, attempt.draft().refund(refund).build(), by, now,
                "refund of " + amount + " requested" + (refund.reason() == null ? "" : ": " + refund.reason()));
        return Result.accepted(refund);
    }

    /**
     * Raises {@link CaptureDeadlineNear} for an authorized, uncaptured manual-capture attempt, once per attempt.
     *
     * @return whether the event was raised now
     */
    public boolean warnCaptureDeadlineNear(PaymentRequestId attemptId, Instant now) {
        PaymentAttempt attempt = attempt(attemptId).orElse(null);
        if (attempt == null || attempt.status() != AttemptStatus.AUTHORIZED || attempt.duplicate()
                || attempt.captureDeadline() == null || attempt.authorization().deadlineWarningRaised()) {
            return false;
        }
        replace(attempt, attempt.draft().authorization(attempt.authorization().withDeadlineWarningRaised()).build(),
                AuditSource.WORKER, now, "capture deadline near");
        raise(eventId -> new CaptureDeadlineNear(eventId, now, attemptId, attempt.captureDeadline()));
        return true;
    }

    /**
     * Records, before the call, that a cancel of an authorized attempt is being sent to Antom, so that a cancel whose
     * answer is lost (a timeout, a crash) is followed up until Antom's answer settles it. An attempt still awaiting
     * its payment result needs no such record: its payment follow-up settles it either way.
     *
     * @return whether the attempt changed (false when it is not authorized or a cancel is awaited already)
     */
    public boolean cancelSent(PaymentRequestId attemptId, Instant now) {
        PaymentAttempt attempt = attempt(attemptId).orElse(null);
        if (attempt == null || attempt.status() != AttemptStatus.AUTHORIZED || attempt.authorization().cancelAwaited()) {
            return false;
        }
        replace(attempt, attempt.draft().authorization(attempt.authorization().withCancelRequestedAt(now)).build(),
                AuditSource.WORKER, now, "cancel sent");
        return true;
    }

    /**
     * Antom answered a cancel of an authorized attempt with a definite refusal: no answer is awaited any more, and the
     * attempt stays as it is.
     *
     * @return whether the attempt changed
     */
    public boolean cancelAnswered(PaymentRequestId attemptId, Instant now) {
        PaymentAttempt attempt = attempt(attemptId).orElse(null);
        if (attempt == null || attempt.authorization() == null || !attempt.authorization().cancelAwaited()) {
            return false;
        }
        replace(attempt, attempt.draft().authorization(attempt.authorization().withCancelRequestedAt(null)).build(),
                AuditSource.WORKER, now, "cancel answered");
        return true;
    }

    /**
     * Raises an attempt for review because Antom's answer for it stayed out after every look the engine's follow-up
     * schedule allows (the payment or capture result never came): recorded once per reason, with a
     * {@link NeedsReview} event, so a person — or the next reconciliation — settles it. The attempt itself does not
     * change: an unknown result is never taken for a failure.
     *
     * @param reason what stayed unsettled, e.g. {@code PAYMENT_RESULT_UNSETTLED}
     * @return whether the review was raised now (false when already raised for this reason, or no such attempt)
     */
    public boolean raiseUnsettled(PaymentRequestId attemptId, String reason, String detail, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        PaymentAttempt attempt = attempt(attemptId).orElse(null);
        String description = "unsettled: " + reason;
        if (attempt == null || attempt.hasReviewed(description)) {
            return false;
        }
        boolean moneyAtRisk = true; // nobody knows whether the buyer paid
        String message = reason + ": attempt " + attempt.id() + " is " + attempt.status() + "; " + detail;
        replace(attempt, attempt.draft().review(new Review(description, FactSource.INQUIRY, now, reason, moneyAtRisk))
                .build(), AuditSource.WORKER, now, "needs review: " + message);
        audit(AuditSubject.ATTEMPT, attemptId.value(), attempt.status().name(), attempt.status().name(),
                AuditSource.WORKER, now, "needs review: " + message);
        raise(eventId -> new NeedsReview(eventId, now, attemptId, reason, message, moneyAtRisk));
        return true;
    }

    // ----------------------------------------------------------------------------------------------
    // Facts from Antom
    // ----------------------------------------------------------------------------------------------

    /**
     * Applies what Antom said, from whichever source. The same fact applied again changes nothing;
     * a fact that contradicts the attempt is not applied but recorded once for review.
     */
    public FactOutcome apply(Fact fact, FactSource source, Instant now) {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(now, "now");
        Optional<PaymentAttempt> target = attemptFor(fact);
        if (target.isEmpty()) {
            return FactOutcome.of(Kind.NOT_FOUND, null, "no attempt of order " + id() + " matches " + fact.describe());
        }
        OrderStatus before = status();
        Applying applying = new Applying(target.get(), fact, source, now);
        FactOutcome outcome = applying.apply();
        if (status() != before) {
            audit(AuditSubject.ORDER, id().value(), before.name(), status().name(), applying.by, now, fact.describe());
        }
        return outcome;
    }

    private Optional<PaymentAttempt> attemptFor(Fact fact) {
        if (fact instanceof PaymentFact payment) {
            Optional<PaymentAttempt> byRequest = state.attempt(payment.paymentRequestId());
            return byRequest.isPresent() || payment.paymentId() == null
                    ? byRequest : state.attemptByPaymentId(payment.paymentId());
        }
        if (fact instanceof CaptureFact capture) {
            Optional<PaymentAttempt> byRequest = capture.captureRequestId() == null
                    ? Optional.empty() : state.attemptByCaptureRequestId(capture.captureRequestId());
            return byRequest.isPresent() ? byRequest : state.attemptByPaymentId(capture.paymentId());
        }
        return state.attemptByRefundRequestId(((RefundFact) fact).refundRequestId());
    }

    /** Applying one fact to one attempt: the decision table of what each fact does in each state. */
    private final class Applying {
        private final PaymentAttempt attempt;
        private final Fact fact;
        private final FactSource source;
        private final AuditSource by;
        private final Instant now;

        Applying(PaymentAttempt attempt, Fact fact, FactSource source, Instant now) {
            this.attempt = attempt;
            this.fact = fact;
            this.source = source;
            this.by = AuditSource.of(source);
            this.now = now;
        }

        FactOutcome apply() {
            if (fact instanceof PaymentFact payment && !payment.paymentRequestId().equals(attempt.id())) {
                // Found by Antom's payment id alone: the fact names a payment request id this attempt does not
                // have. Antom keeps the two one to one, so one of them is wrong, and which attempt the fact is
                // about cannot be told; applying it could count a payment for the wrong attempt.
                return review("PAYMENT_REQUEST_ID_MISMATCH", true);
            }
            if (fact instanceof PaymentFact payment && payment.paymentId() != null && attempt.paymentId() != null
                    && !payment.paymentId().equals(attempt.paymentId())) {
                return review("PAYMENT_ID_MISMATCH", true);
            }
            if (fact instanceof CaptureFact capture && capture.paymentId() != null && attempt.paymentId() != null
                    && !capture.paymentId().equals(attempt.paymentId())) {
                // Found by its capture request id, yet about another payment: the capture is not this attempt's.
                return review("PAYMENT_ID_MISMATCH", fact instanceof CaptureSucceeded);
            }
            if (fact instanceof PaymentInProcess f) {
                return inProcess(f);
            } else if (fact instanceof PaymentSucceeded f) {
                return succeeded(f);
            } else if (fact instanceof PaymentFailed f) {
                return failed(f);
            } else if (fact instanceof PaymentCancelled f) {
                return cancelled(f);
            } else if (fact instanceof PaymentOutcomeUnknown) {
                return outcomeUnknown();
            } else if (fact instanceof CaptureSucceeded f) {
                return captureSucceeded(f);
            } else if (fact instanceof CaptureFailed f) {
                return captureFailed(f);
            } else if (fact instanceof CaptureProcessing f) {
                return captureProcessing(f);
            } else if (fact instanceof RefundSucceeded f) {
                return refundSucceeded(f);
            } else if (fact instanceof RefundFailed f) {
                return refundFailed(f);
            }
            return refundProcessing((RefundProcessing) fact);
        }

        private FactOutcome inProcess(PaymentInProcess f) {
            PaymentAttempt.Draft draft = attempt.draft().paymentId(f.paymentId()).redirectUrl(f.redirectUrl());
            if (attempt.status() == AttemptStatus.INITIATED || attempt.status() == AttemptStatus.UNKNOWN) {
                draft.status(AttemptStatus.PENDING);
            } else if (attempt.status() != AttemptStatus.PENDING) {
                return noChange("older news: the attempt is " + attempt.status());
            }
            return change(draft.build());
        }

        private FactOutcome succeeded(PaymentSucceeded f) {
            if (!f.amount().equals(attempt.amount())) {
                return review("AMOUNT_MISMATCH", true);
            }
            AttemptStatus status = attempt.status();
            if (status.isAwaitingResult()) {
                Instant authorizedAt = f.paidAt() != null ? f.paidAt() : now;
                PaymentAttempt authorized = attempt.draft().status(AttemptStatus.AUTHORIZED).paymentId(f.paymentId())
                        .authorization(Authorization.granted(attempt.captureMode(), authorizedAt, f.authExpiresAt()))
                        .card(f.card()).build();
                return success(authorized);
            }
            if (status == AttemptStatus.FAILED) {
                return review("SUCCESS_AFTER_FAILURE", true);
            }
            if (status == AttemptStatus.CANCELLED && attempt.authorization() == null) {
                return review("SUCCESS_AFTER_CANCELLATION", true);
            }
            // Already authorized (or captured, refunded, voided): the success is known; keep what it adds.
            PaymentAttempt enriched = attempt.draft().paymentId(f.paymentId()).card(f.card())
                    .authorization(attempt.authorization().withAuthExpiry(attempt.captureMode(), f.authExpiresAt()))
                    .build();
            return enriched.equals(attempt) ? noChange("success already known") : change(enriched);
        }

        private FactOutcome failed(PaymentFailed f) {
            AttemptStatus status = attempt.status();
            if (status.isAwaitingResult()) {
                change(attempt.draft().status(AttemptStatus.FAILED).paymentId(f.paymentId())
                        .failure(new Failure(f.code(), f.message())).build());
                raise(eventId -> new PaymentAttemptFailed(eventId, now, attempt.id(), f.code(), f.message()));
                return applied();
            }
            if (attempt.authorization() != null) {
                return review("FAILURE_AFTER_SUCCESS", true);
            }
            return noChange("the attempt is already " + status);
        }

        private FactOutcome cancelled(PaymentCancelled f) {
            AttemptStatus status = attempt.status();
            if (status.isAwaitingResult()) {
                change(attempt.draft().status(AttemptStatus.CANCELLED).paymentId(f.paymentId()).build());
                raise(eventId -> new PaymentAttemptCancelled(eventId, now, attempt.id()));
                return applied();
            }
            boolean undoingDuplicate = attempt.duplicate() && attempt.refunds().isEmpty();
            if (status == AttemptStatus.AUTHORIZED || status == AttemptStatus.CAPTURED && undoingDuplicate) {
                Capture capture = attempt.capture();
                if (capture != null && capture.status().isUnresolved()) {
                    return cancelledBeforeCapture(capture);
                }
                change(attempt.draft().status(AttemptStatus.CANCELLED).build());
                if (attempt.duplicate()) {
                    raise(eventId -> new DuplicateCancelled(eventId, now, attempt.id()));
                } else {
                    raise(eventId -> new AuthorizationReleased(eventId, now, attempt.id(), attempt.amount()));
                }
                return applied();
            }
            if (status == AttemptStatus.CAPTURED || status == AttemptStatus.REFUNDED) {
                return review("CANCELLED_AFTER_CAPTURE", true);
            }
            return noChange("the attempt is already " + status);
        }

        /**
         * Antom cancelled an authorization whose capture it had not answered yet. Antom refuses to cancel a payment
         * it captured or is capturing, so the capture did not happen and never will: it fails here with Antom's
         * code for a capture of a cancelled payment, and nothing is left waiting for an answer that cannot come.
         */
        private FactOutcome cancelledBeforeCapture(Capture capture) {
            ResultCode code = ResultCode.of(CAPTURE_OF_CANCELLED_PAYMENT);
            String message = "Antom cancelled the payment before capturing it; the funds were released, not captured";
            change(attempt.draft().status(AttemptStatus.CANCELLED).capture(capture.failed(code, message)).build());
            raise(eventId -> new CaptureDeclined(eventId, now, attempt.id(), capture.requestId(), code, message,
                    attempt.captureDeadline()));
            if (attempt.duplicate()) {
                raise(eventId -> new DuplicateCancelled(eventId, now, attempt.id()));
            } else {
                raise(eventId -> new AuthorizationReleased(eventId, now, attempt.id(), attempt.amount()));
            }
            return applied();
        }

        private FactOutcome outcomeUnknown() {
            if (attempt.status() == AttemptStatus.INITIATED) {
                return change(attempt.draft().status(AttemptStatus.UNKNOWN).build());
            }
            return noChange("an unknown outcome adds nothing to " + attempt.status());
        }

        private FactOutcome captureSucceeded(CaptureSucceeded f) {
            Capture capture = attempt.capture();
            if (!f.amount().equals(attempt.amount())) {
                return review("AMOUNT_MISMATCH", true);
            }
            if (isAnotherCapture(f)) {
                return review("CAPTURE_REQUEST_ID_MISMATCH", true);
            }
            if (capture != null && capture.captureId() != null && !capture.captureId().equals(f.captureId())) {
                return review("SECOND_CAPTURE", true);
            }
            if (capture != null && capture.isSucceeded()) {
                return noChange("capture already known");
            }
            AttemptStatus status = attempt.status();
            if (status == AttemptStatus.FAILED || status == AttemptStatus.CANCELLED) {
                return review("CAPTURE_AFTER_" + status, true);
            }
            Instant capturedAt = f.capturedAt() != null ? f.capturedAt() : now;
            Capture base = capture != null ? capture
                    : new Capture(f.captureRequestId(), null, attempt.amount(), CaptureStatus.PROCESSING, now, null, null);
            Capture succeeded = base.succeeded(f.captureRequestId(), f.captureId(), capturedAt);
            PaymentAttempt.Draft draft = attempt.draft().status(AttemptStatus.CAPTURED).paymentId(f.paymentId());
            if (status.isAwaitingResult()) {
                // A capture proves the authorization even when the payment result has not arrived yet.
                PaymentAttempt captured = draft
                        .authorization(Authorization.granted(attempt.captureMode(), capturedAt, null))
                        .capture(succeeded).build();
                return success(captured);
            }
            PaymentAttempt captured = draft.capture(succeeded).build();
            change(captured);
            raise(eventId -> new CaptureCompleted(eventId, now, attempt.id(), f.captureId(), f.amount(),
                    attempt.duplicate()));
            if (isTheSuccess(attempt)) {
                raise(eventId -> new OrderPaid(eventId, now, attempt.id(), captured.paymentId(), f.captureId(),
                        f.amount()));
            }
            return applied();
        }

        private FactOutcome captureFailed(CaptureFailed f) {
            Capture capture = attempt.capture();
            AttemptStatus status = attempt.status();
            if (status.isAwaitingResult()) {
                return premature();
            }
            if (isAnotherCapture(f)) {
                return review("CAPTURE_REQUEST_ID_MISMATCH", false);
            }
            if (capture != null && capture.isSucceeded()) {
                return review("CAPTURE_FAILED_AFTER_SUCCESS", false);
            }
            if (status != AttemptStatus.AUTHORIZED || capture != null && capture.status() == CaptureStatus.FAILED) {
                return noChange("the capture is already " + (capture == null ? "absent" : capture.status())
                        + " and the attempt " + status);
            }
            Capture base = capture != null ? capture
                    : new Capture(f.captureRequestId(), null, attempt.amount(), CaptureStatus.PROCESSING, now, null, null);
            change(attempt.draft().capture(base.failed(f.code(), f.message())).build());
            raise(eventId -> new CaptureDeclined(eventId, now, attempt.id(), base.requestId(), f.code(), f.message(),
                    attempt.captureDeadline()));
            return applied();
        }

        private FactOutcome captureProcessing(CaptureProcessing f) {
            Capture capture = attempt.capture();
            if (attempt.status().isAwaitingResult()) {
                return premature();
            }
            if (isAnotherCapture(f)) {
                return review("CAPTURE_REQUEST_ID_MISMATCH", false);
            }
            if (attempt.status() == AttemptStatus.AUTHORIZED && capture == null) {
                return change(attempt.draft().capture(new Capture(f.captureRequestId(), null, attempt.amount(),
                        CaptureStatus.PROCESSING, now, null, null)).build());
            }
            if (attempt.status() == AttemptStatus.AUTHORIZED && capture.status() == CaptureStatus.REQUESTED) {
                return change(attempt.draft().capture(capture.processing(null)).build());
            }
            return noChange("older news: the capture is " + (capture == null ? "absent" : capture.status()));
        }

        private FactOutcome refundSucceeded(RefundSucceeded f) {
            Refund refund = attempt.refund(f.refundRequestId()).orElseThrow();
            if (!f.amount().equals(refund.amount())) {
                return review("AMOUNT_MISMATCH", true);
            }
            if (refund.status() == RefundStatus.SUCCEEDED) {
                return refund.refundId().equals(f.refundId())
                        ? noChange("refund already known") : review("SECOND_REFUND", true);
            }
            if (refund.status() == RefundStatus.FAILED || attempt.status() != AttemptStatus.CAPTURED) {
                return review("REFUND_AFTER_" + (refund.status() == RefundStatus.FAILED ? "FAILURE" : attempt.status()),
                        true);
            }
            Refund succeeded = refund.succeeded(f.refundId(), f.refundedAt() != null ? f.refundedAt() : now);
            PaymentAttempt refunded = attempt.draft().refund(succeeded).build();
            boolean full = refunded.refundedAmount().equals(attempt.capture().amount());
            if (full) {
                refunded = refunded.draft().status(AttemptStatus.REFUNDED).build();
            }
            change(refunded);
            if (attempt.duplicate()) {
                raise(eventId -> new DuplicateRefunded(eventId, now, attempt.id(), f.refundId(), f.amount()));
            } else {
                Money refundedAmount = refunded.refundedAmount();
                raise(eventId -> new RefundCompleted(eventId, now, attempt.id(), f.refundRequestId(), f.refundId(),
                        f.amount(), refundedAmount, full));
            }
            return applied();
        }

        private FactOutcome refundFailed(RefundFailed f) {
            Refund refund = attempt.refund(f.refundRequestId()).orElseThrow();
            if (refund.status() == RefundStatus.SUCCEEDED) {
                return review("REFUND_FAILED_AFTER_SUCCESS", false);
            }
            if (refund.status() == RefundStatus.FAILED) {
                return noChange("refund failure already known");
            }
            change(attempt.draft().refund(refund.failed(f.code(), f.message())).build());
            if (attempt.duplicate()) {
                raise(eventId -> new NeedsReview(eventId, now, attempt.id(), "DUPLICATE_REFUND_FAILED",
                        "Antom refused to refund duplicate " + attempt.id() + ": " + f.code() + " " + f.message()
                                + "; the buyer paid twice", true));
            } else {
                raise(eventId -> new RefundDeclined(eventId, now, attempt.id(), f.refundRequestId(), refund.amount(),
                        f.code(), f.message()));
            }
            return applied();
        }

        private FactOutcome refundProcessing(RefundProcessing f) {
            Refund refund = attempt.refund(f.refundRequestId()).orElseThrow();
            if (refund.status() != RefundStatus.REQUESTED) {
                return noChange("older news: the refund is " + refund.status());
            }
            return change(attempt.draft().refund(refund.processing(f.refundId())).build());
        }

        /** One capture per attempt: a capture fact naming another capture request id contradicts it. */
        private boolean isAnotherCapture(CaptureFact f) {
            Capture capture = attempt.capture();
            return capture != null && capture.requestId() != null && f.captureRequestId() != null
                    && !capture.requestId().equals(f.captureRequestId());
        }

        /** The attempt succeeded: it becomes the order's success, or a duplicate to undo. */
        private FactOutcome success(PaymentAttempt succeeded) {
            boolean first = state.successfulAttempt() == null && state.closedAt() == null;
            PaymentAttempt after = first ? succeeded : succeeded.draft().duplicate(true).build();
            replace(attempt, after, first ? after.id() : state.successfulAttempt(), by, now, fact.describe());
            if (!first) {
                PaymentRequestId original = state.successfulAttempt();
                raise(eventId -> new DuplicateSuccessDetected(eventId, now, after.id(), original, after.paymentId(),
                        after.amount()));
            } else if (after.status() == AttemptStatus.AUTHORIZED) {
                raise(eventId -> new OrderAuthorized(eventId, now, after.id(), after.paymentId(), after.amount(),
                        after.captureMode() == CaptureMode.MANUAL, after.captureDeadline()));
            }
            if (after.status() == AttemptStatus.CAPTURED) {
                raise(eventId -> new CaptureCompleted(eventId, now, after.id(), after.capture().captureId(),
                        after.amount(), after.duplicate()));
                if (first) {
                    raise(eventId -> new OrderPaid(eventId, now, after.id(), after.paymentId(),
                            after.capture().captureId(), after.amount()));
                }
            }
            return applied();
        }

        private FactOutcome change(PaymentAttempt after) {
            if (after.equals(attempt)) {
                return noChange("already known");
            }
            replace(attempt, after, by, now, fact.describe());
            return applied();
        }

        private FactOutcome applied() {
            return FactOutcome.of(Kind.APPLIED, attempt, fact.describe());
        }

        private FactOutcome noChange(String why) {
            return FactOutcome.of(Kind.NO_CHANGE, attempt, why);
        }

        private FactOutcome premature() {
            return FactOutcome.of(Kind.PREMATURE, attempt,
                    "the payment result of " + attempt.id() + " has not arrived yet (it is " + attempt.status() + ")");
        }

        /** Sets a contradictory fact aside, once, and asks a person to look. */
        private FactOutcome review(String reason, boolean moneyAtRisk) {
            String description = fact.describe();
            if (attempt.hasReviewed(description)) {
                return FactOutcome.of(Kind.ALREADY_RECORDED, attempt, reason);
            }
            String detail = reason + ": attempt " + attempt.id() + " is " + attempt.status() + " but " + source
                    + " says " + description;
            replace(attempt, attempt.draft().review(new Review(description, source, now, reason, moneyAtRisk)).build(),
                    by, now, "needs review: " + detail);
            audit(AuditSubject.ATTEMPT, attempt.id().value(), attempt.status().name(), attempt.status().name(), by, now,
                    "needs review: " + detail);
            raise(eventId -> new NeedsReview(eventId, now, attempt.id(), reason, detail, moneyAtRisk));
            return FactOutcome.of(Kind.RECORDED_FOR_REVIEW, attempt, detail);
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Bookkeeping: every change goes through replace(), which audits each transition it makes
    // ----------------------------------------------------------------------------------------------

    private boolean isTheSuccess(PaymentAttempt attempt) {
        return attempt.id().equals(state.successfulAttempt());
    }

    private void replace(PaymentAttempt before, PaymentAttempt after, AuditSource by, Instant now, String detail) {
        replace(before, after, state.successfulAttempt(), by, now, detail);
    }

    private void replace(PaymentAttempt before, PaymentAttempt after, PaymentRequestId successfulAttempt,
                         AuditSource by, Instant now, String detail) {
        String attemptId = before.id().value();
        if (before.status() != after.status()) {
            if (!before.status().canMoveTo(after.status())) {
                throw new IllegalTransitionException("Payment attempt " + attemptId, before.status(), after.status(),
                        detail);
            }
            audit(AuditSubject.ATTEMPT, attemptId, before.status().name(), after.status().name(), by, now, detail);
        }
        auditCapture(before.capture(), after.capture(), attemptId, by, now, detail);
        for (Refund refund : after.refunds()) {
            auditRefund(before.refund(refund.requestId()).orElse(null), refund, attemptId, by, now, detail);
        }
        List<PaymentAttempt> attempts = new ArrayList<>(state.attempts());
        attempts.set(attempts.indexOf(before), after);
        state = state.with(attempts, successfulAttempt, state.closedAt());
        changed = true;
    }

    private void auditCapture(Capture before, Capture after, String attemptId, AuditSource by, Instant now,
                              String detail) {
        CaptureStatus from = before == null ? null : before.status();
        if (after == null || from == after.status()) {
            return;
        }
        if (from != null && !from.canMoveTo(after.status())) {
            throw new IllegalTransitionException("Capture of attempt " + attemptId, from, after.status(), detail);
        }
        String subject = after.requestId() != null ? after.requestId().value()
                : after.captureId() != null ? after.captureId().value() : attemptId;
        audit(AuditSubject.CAPTURE, subject, from == null ? null : from.name(), after.status().name(), by, now, detail);
    }

    private void auditRefund(Refund before, Refund after, String attemptId, AuditSource by, Instant now,
                             String detail) {
        RefundStatus from = before == null ? null : before.status();
        if (after == null || from == after.status()) {
            return;
        }
        if (from != null && !from.canMoveTo(after.status())) {
            throw new IllegalTransitionException("Refund of attempt " + attemptId, from, after.status(), detail);
        }
        audit(AuditSubject.REFUND, after.requestId().value(), from == null ? null : from.name(), after.status().name(),
                by, now, detail);
    }

    private void audit(AuditSubject subject, String subjectId, String from, String to, AuditSource by, Instant now,
                       String detail) {
        auditEntries.add(new AuditEntry(id(), subject, subjectId, from, to, by, now, detail));
    }

    /** Events get ids from the version this save will write and their position in it: stable and ordered. */
    private void raise(Function<EventId, DomainEvent> event) {
        events.add(event.apply(new EventId(id(), state.version() + 1, events.size())));
    }
}
