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
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.order.OrderRejection.IssuerAuthenticationNeedsAutomaticCapture;
import org.payengine.domain.order.OrderRejection.NotADuplicate;
import org.payengine.domain.order.OrderRejection.OrderNotOpen;
import org.payengine.domain.order.OrderRejection.PaymentNotFound;
import org.payengine.domain.order.OrderRejection.PaymentRequestIdInUse;
import org.payengine.domain.order.OrderRejection.DuplicateNotRefundable;
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
 * What a fact or a command does to one attempt is its state's to say ({@link AttemptState}: one type per state);
 * this class finds the attempt, capture and refund a fact is about and checks that it names them rightly, puts the
 * state's answer in place, and keeps the order-level rules and the bookkeeping.
 * An {@code Order} is loaded, changed and saved as a whole within one transaction, with optimistic
 * locking on {@link #version()}. Each change records an audit entry and may raise domain events; both
 * wait in {@link #pendingAuditEntries()} and {@link #pendingEvents()} until the store saves them together
 * with the new state. An {@code Order} object is saved at most once; load it again to change it further.
 * Not thread-safe: one unit of work owns it.
 */
public final class Order {

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
     * The background work the order's current state needs ({@link OrderSnapshot#pendingWork()}): the results
     * Antom still owes, the capture deadlines that run, the duplicates still to undo. Where {@link #pendingEvents()}
     * says what happened since loading, this says what is due now, whole; the store keeps its due work in step
     * with it when it saves the state, so no store has to know the rule.
     */
    public List<PendingWork> pendingWork() {
        return state.pendingWork();
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
        Capture before = attempt.capture();
        return attempt.state().requestCapture(attempt, requested, newRequestId, now).map(authorized -> {
            if (!authorized.equals(attempt.state())) {
                replace(attempt, attempt.with(authorized), by, now,
                        before == null ? "capture requested" : "capture retried after " + before.failure().code());
            }
            return authorized.capture();
        });
    }

    /**
     * Checks that an attempt may be cancelled at Antom now (nothing is written: Antom's answer is applied as a
     * {@link PaymentCancelled} fact). Captured funds are refunded, not cancelled; final attempts have nothing
     * left to cancel; and while a capture is on its way the cancel waits for its answer, so that a capture and a
     * cancel are ordered on the order. A cancel checked just before a capture was requested still reaches Antom,
     * which orders the two: a confirmed cancel then fails the capture (see {@link Authorized#cancelled}), and a
     * capture Antom made first makes it refuse the cancel.
     */
    public Result<PaymentAttempt> checkCancellable(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(id(), attemptId));
        }
        PaymentAttempt attempt = found.get();
        return attempt.state().cancellable(attempt).map(unchanged -> attempt);
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
        return attempt.state().refundDuplicate(attempt, newRequestId, reason, now).map(refunding -> {
            replace(attempt, attempt.with(refunding), by, now, "refund requested: " + reason);
            return refunding.refunds().get(0);
        });
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
        if (state.attemptByRefundRequestId(newRequestId).isPresent()) {
            throw new IllegalArgumentException("refund request id " + newRequestId + " is in use already");
        }
        return attempt.state().requestRefund(attempt, amount, reason, newRequestId, now).map(refunding -> {
            PaymentAttempt after = attempt.with(refunding);
            Refund refund = after.refund(newRequestId).orElseThrow();
            replace(attempt, after, by, now,
                    "refund of " + amount + " requested" + (refund.reason() == null ? "" : ": " + refund.reason()));
            return refund;
        });
    }

    /**
     * Raises {@link CaptureDeadlineNear} for an authorized, uncaptured manual-capture attempt, once per attempt.
     *
     * @return whether the event was raised now
     */
    public boolean warnCaptureDeadlineNear(PaymentRequestId attemptId, Instant now) {
        PaymentAttempt attempt = attempt(attemptId).orElse(null);
        if (attempt == null || !(attempt.state() instanceof Authorized authorized) || attempt.duplicate()
                || attempt.captureDeadline() == null || authorized.authorization().deadlineWarningRaised()) {
            return false;
        }
        replace(attempt, attempt.with(authorized.withAuthorization(authorized.authorization().withDeadlineWarningRaised())),
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
        if (attempt == null || !(attempt.state() instanceof Authorized authorized)
                || authorized.authorization().cancelAwaited()) {
            return false;
        }
        replace(attempt, attempt.with(authorized.withAuthorization(authorized.authorization().withCancelRequestedAt(now))),
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
        replace(attempt, attempt.with(attempt.state().withAuthorization(
                attempt.authorization().withCancelRequestedAt(null))), AuditSource.WORKER, now, "cancel answered");
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
        setAside(attempt, new Review(description, FactSource.INQUIRY, now, reason, moneyAtRisk), AuditSource.WORKER,
                now, message);
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
        AuditSource by = AuditSource.of(source);
        FactOutcome outcome = settle(target.get(), fact, source, by, now);
        if (status() != before) {
            audit(AuditSubject.ORDER, id().value(), before.name(), status().name(), by, now, fact.describe());
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

    /** What the fact does to the attempt it was found for: the order's checks first, then the attempt's state. */
    private FactOutcome settle(PaymentAttempt attempt, Fact fact, FactSource source, AuditSource by, Instant now) {
        Move move = identityCheck(attempt, fact).orElseGet(() -> moveOf(attempt, fact, now));
        String description = fact.describe();
        if (move instanceof Move.Stay stay) {
            return FactOutcome.of(Kind.NO_CHANGE, attempt, stay.why());
        }
        if (move instanceof Move.Premature) {
            return FactOutcome.of(Kind.PREMATURE, attempt,
                    "the payment result of " + attempt.id() + " has not arrived yet (it is " + attempt.status() + ")");
        }
        if (move instanceof Move.Contradiction contradiction) {
            if (attempt.hasReviewed(description)) {
                return FactOutcome.of(Kind.ALREADY_RECORDED, attempt, contradiction.reason());
            }
            String detail = contradiction.reason() + ": attempt " + attempt.id() + " is " + attempt.status() + " but "
                    + source + " says " + description;
            setAside(attempt, new Review(description, source, now, contradiction.reason(), contradiction.moneyAtRisk()),
                    by, now, detail);
            return FactOutcome.of(Kind.RECORDED_FOR_REVIEW, attempt, detail);
        }
        PaymentAttempt after = learned(attempt.with(((Move.To) move).next()), fact);
        if (after.equals(attempt)) {
            return FactOutcome.of(Kind.NO_CHANGE, attempt, "already known");
        }
        if (attempt.state() instanceof AwaitingResult && after.status().holdsFunds()) {
            succeeded(attempt, after, by, now, description);
        } else {
            replace(attempt, after, by, now, description);
            announce(attempt, after, now);
        }
        return FactOutcome.of(Kind.APPLIED, attempt, description);
    }

    /**
     * The order's own checks of a fact, before the attempt's state is asked: that it names this attempt's payment,
     * capture and refund, and its amount. Empty when the fact is about this attempt as it says.
     */
    private static Optional<Move> identityCheck(PaymentAttempt attempt, Fact fact) {
        if (fact instanceof PaymentFact payment) {
            if (!payment.paymentRequestId().equals(attempt.id())) {
                // Found by Antom's payment id alone: the fact names a payment request id this attempt does not
                // have. Antom keeps the two one to one, so one of them is wrong, and which attempt the fact is
                // about cannot be told; applying it could count a payment for the wrong attempt.
                return Optional.of(Move.contradiction("PAYMENT_REQUEST_ID_MISMATCH", true));
            }
            if (payment.paymentId() != null && attempt.paymentId() != null
                    && !payment.paymentId().equals(attempt.paymentId())) {
                return Optional.of(Move.contradiction("PAYMENT_ID_MISMATCH", true));
            }
            if (fact instanceof PaymentSucceeded succeeded && !succeeded.amount().equals(attempt.amount())) {
                return Optional.of(Move.contradiction("AMOUNT_MISMATCH", true));
            }
            return Optional.empty();
        }
        if (fact instanceof CaptureFact capture) {
            if (capture.paymentId() != null && attempt.paymentId() != null
                    && !capture.paymentId().equals(attempt.paymentId())) {
                // Found by its capture request id, yet about another payment: the capture is not this attempt's.
                return Optional.of(Move.contradiction("PAYMENT_ID_MISMATCH", fact instanceof CaptureSucceeded));
            }
            if (fact instanceof CaptureSucceeded succeeded && !succeeded.amount().equals(attempt.amount())) {
                return Optional.of(Move.contradiction("AMOUNT_MISMATCH", true));
            }
            return attempt.capture() == null ? Optional.empty() : attempt.capture().judge(capture);
        }
        RefundFact refundFact = (RefundFact) fact;
        return attempt.refund(refundFact.refundRequestId()).orElseThrow().judge(refundFact);
    }

    /** The attempt's state answers the fact. */
    private static Move moveOf(PaymentAttempt attempt, Fact fact, Instant now) {
        AttemptState state = attempt.state();
        if (fact instanceof PaymentInProcess f) {
            return state.inProcess(f);
        } else if (fact instanceof PaymentSucceeded f) {
            return state.succeeded(attempt, f, now);
        } else if (fact instanceof PaymentFailed f) {
            return state.failed(f);
        } else if (fact instanceof PaymentCancelled f) {
            return state.cancelled(attempt, f);
        } else if (fact instanceof PaymentOutcomeUnknown) {
            return state.outcomeUnknown();
        } else if (fact instanceof CaptureSucceeded f) {
            return state.captureSucceeded(attempt, f, now);
        } else if (fact instanceof CaptureFailed f) {
            return state.captureFailed(attempt, f, now);
        } else if (fact instanceof CaptureProcessing f) {
            return state.captureProcessing(attempt, f, now);
        }
        RefundFact refundFact = (RefundFact) fact;
        Refund found = attempt.refund(refundFact.refundRequestId()).orElseThrow();
        if (!(found instanceof Refund.Unresolved refund)) {
            return Move.stay("the refund is already " + found.status()); // its own judgement said so first
        }
        if (fact instanceof RefundSucceeded f) {
            return state.refundSucceeded(refund, f, now);
        } else if (fact instanceof RefundFailed f) {
            return state.refundFailed(refund, f);
        }
        return state.refundProcessing(refund, (RefundProcessing) fact);
    }

    /** What a fact that moved the attempt tells about it besides its state: the hosted page, the card. */
    private static PaymentAttempt learned(PaymentAttempt attempt, Fact fact) {
        if (fact instanceof PaymentInProcess inProcess) {
            return attempt.withRedirectUrl(inProcess.redirectUrl());
        }
        if (fact instanceof PaymentSucceeded succeeded) {
            return attempt.withCard(succeeded.card());
        }
        return attempt;
    }

    // ----------------------------------------------------------------------------------------------
    // Order-level rules: one success per order, and the events each change means
    // ----------------------------------------------------------------------------------------------

    /** The attempt succeeded: it becomes the order's success, or a duplicate to undo. */
    private void succeeded(PaymentAttempt before, PaymentAttempt succeeded, AuditSource by, Instant now,
                           String detail) {
        boolean first = state.successfulAttempt() == null && state.closedAt() == null;
        PaymentRequestId original = state.successfulAttempt();
        PaymentAttempt after = first ? succeeded : succeeded.asDuplicate();
        replace(before, after, first ? after.id() : original, by, now, detail);
        if (!first) {
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
    }

    /** Raises the events a change of an attempt that had its payment result already means, in the order they happened. */
    private void announce(PaymentAttempt before, PaymentAttempt after, Instant now) {
        PaymentRequestId attemptId = after.id();
        if (after.state() instanceof Failed failed) {
            raise(eventId -> new PaymentAttemptFailed(eventId, now, attemptId, failed.failure().code(),
                    failed.failure().message()));
            return;
        }
        if (after.state() instanceof Cancelled && before.state() instanceof AwaitingResult) {
            raise(eventId -> new PaymentAttemptCancelled(eventId, now, attemptId));
            return;
        }
        Capture capture = after.capture();
        if (capture != null && capture.status() == CaptureStatus.FAILED
                && (before.capture() == null || before.capture().status() != CaptureStatus.FAILED)) {
            raise(eventId -> new CaptureDeclined(eventId, now, attemptId, capture.requestId(),
                    capture.failure().code(), capture.failure().message(), before.captureDeadline()));
        }
        if (after.state() instanceof Cancelled && before.status() != AttemptStatus.CANCELLED) {
            raise(eventId -> after.duplicate() ? new DuplicateCancelled(eventId, now, attemptId)
                    : new AuthorizationReleased(eventId, now, attemptId, after.amount()));
        }
        if (before.status() == AttemptStatus.AUTHORIZED && after.status() == AttemptStatus.CAPTURED) {
            raise(eventId -> new CaptureCompleted(eventId, now, attemptId, capture.captureId(), capture.amount(),
                    after.duplicate()));
            if (isTheSuccess(after)) {
                raise(eventId -> new OrderPaid(eventId, now, attemptId, after.paymentId(), capture.captureId(),
                        capture.amount()));
            }
        }
        for (Refund refund : after.refunds()) {
            RefundStatus was = before.refund(refund.requestId()).map(Refund::status).orElse(null);
            if (was != refund.status()) {
                announceRefund(after, refund, now);
            }
        }
    }

    private void announceRefund(PaymentAttempt after, Refund refund, Instant now) {
        PaymentRequestId attemptId = after.id();
        if (refund.status() == RefundStatus.SUCCEEDED) {
            Money refundedAmount = after.refundedAmount();
            raise(eventId -> after.duplicate()
                    ? new DuplicateRefunded(eventId, now, attemptId, refund.refundId(), refund.amount())
                    : new RefundCompleted(eventId, now, attemptId, refund.requestId(), refund.refundId(),
                            refund.amount(), refundedAmount, after.status() == AttemptStatus.REFUNDED));
        } else if (refund.status() == RefundStatus.FAILED) {
            Failure failure = refund.failure();
            raise(eventId -> after.duplicate()
                    ? new NeedsReview(eventId, now, attemptId, "DUPLICATE_REFUND_FAILED",
                            "Antom refused to refund duplicate " + attemptId + ": " + failure.code() + " "
                                    + failure.message() + "; the buyer paid twice", true)
                    : new RefundDeclined(eventId, now, attemptId, refund.requestId(), refund.amount(),
                            failure.code(), failure.message()));
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Bookkeeping: every change goes through replace(), which audits each transition it makes
    // ----------------------------------------------------------------------------------------------

    private boolean isTheSuccess(PaymentAttempt attempt) {
        return attempt.id().equals(state.successfulAttempt());
    }

    /** Sets a contradictory fact (or an unsettled result) aside, once, and asks a person to look. */
    private void setAside(PaymentAttempt attempt, Review review, AuditSource by, Instant now, String detail) {
        replace(attempt, attempt.withReview(review), by, now, "needs review: " + detail);
        audit(AuditSubject.ATTEMPT, attempt.id().value(), attempt.status().name(), attempt.status().name(), by, now,
                "needs review: " + detail);
        raise(eventId -> new NeedsReview(eventId, now, attempt.id(), review.reason(), detail, review.moneyAtRisk()));
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
