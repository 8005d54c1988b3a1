package org.payengine.domain.order;

import java.time.Instant;
import java.util.List;
import org.payengine.domain.Result;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.AttemptAlreadyFinal;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.order.OrderRejection.RefundNeedsCapture;

/**
 * The state of one payment attempt: one type per state, each holding exactly the facts it has, each saying what every
 * fact from Antom and every command does to it. The moves, state by state:
 *
 * <pre>
 * {@link Initiated} ──pay answered──▶ {@link Pending} ──SUCCESS──▶ {@link Authorized} ──capture──▶ {@link Captured} ──refunds──▶ {@link Refunded}
 *     │ timeout / U                │ FAIL, CANCELLED    │ cancelled             │ cancelled (a duplicate)
 *     ▼                            ▼                    ▼                       ▼
 *  {@link OutcomeUnknown} ──inquiry──▶ …       {@link Failed}         {@link Cancelled}               {@link Cancelled}
 * </pre>
 *
 * A capture result may also arrive before the payment result; it proves the authorization, so the states still
 * {@link AwaitingResult awaiting the result} may move straight to {@link Authorized} or {@link Captured}.
 *
 * <p>Two groups share what their states answer alike: {@link AwaitingResult} (Antom's payment result is awaited) and
 * {@link AfterSuccess} (the success is known and its funds are with the merchant).
 *
 * <p>Every transition is a method that returns the next state, or why not: a {@link Move} for a fact (the next
 * state, no change, too early, or a contradiction to review), a {@link Result} for a command (the next state or an
 * {@link OrderRejection}). The defaults here are what most states answer; each state's type overrides what it does
 * differently, so its legal moves read in its own file. A state never changes: a transition returns a new one, and
 * only the {@link Order} puts it in place. The {@link Order} checks first what concerns the order and the
 * identities (that a fact names this attempt's payment, capture and refund, and its amount) and keeps the
 * bookkeeping (audit entries, events, one success per order).
 *
 * <p>Parameters named {@code attempt} are the attempt this state belongs to, for what it knows beyond its state
 * (its id, amount, capture mode, whether it is a duplicate).
 */
public sealed interface AttemptState
        permits AwaitingResult, AfterSuccess, Failed, Cancelled {

    /** The state's name, as stored and shown. */
    AttemptStatus status();

    /** Antom's payment id; {@code null} while not known. */
    default PaymentId paymentId() {
        return null;
    }

    /** Antom's reason, in {@link Failed} only. */
    default Failure failure() {
        return null;
    }

    /** The authorization, once the payment succeeded (kept after a cancellation). */
    default Authorization authorization() {
        return null;
    }

    /** The one capture of the attempt, once there is one. */
    default Capture capture() {
        return null;
    }

    /** The refunds of the captured funds, oldest first. */
    default List<Refund> refunds() {
        return List.of();
    }

    // ---------------------------------------------------------------------------------------------
    // Facts from Antom
    // ---------------------------------------------------------------------------------------------

    /** Antom created the payment and awaits the buyer: news only while the result is awaited. */
    default Move inProcess(PaymentInProcess fact) {
        return Move.stay("older news: the attempt is " + status());
    }

    /** The payment succeeded (its amount was checked): known already in the states that hold funds. */
    Move succeeded(PaymentAttempt attempt, PaymentSucceeded fact, Instant now);

    Move failed(PaymentFailed fact);

    Move cancelled(PaymentAttempt attempt, PaymentCancelled fact);

    default Move outcomeUnknown() {
        return Move.stay("an unknown outcome adds nothing to " + status());
    }

    /** The capture succeeded (its amount and its capture were checked: it is this attempt's, and new). */
    Move captureSucceeded(PaymentAttempt attempt, CaptureSucceeded fact, Instant now);

    default Move captureFailed(PaymentAttempt attempt, CaptureFailed fact, Instant now) {
        return Move.stay("the capture is already " + (capture() == null ? "absent" : capture().status())
                + " and the attempt " + status());
    }

    default Move captureProcessing(PaymentAttempt attempt, CaptureProcessing fact, Instant now) {
        return Move.stay("older news: the capture is " + (capture() == null ? "absent" : capture().status()));
    }

    /**
     * A refund of this attempt awaiting Antom succeeded (the refund and its amount were checked: it is one of this
     * attempt's, and still awaiting).
     */
    default Move refundSucceeded(Refund.Unresolved refund, RefundSucceeded fact, Instant now) {
        return Move.contradiction("REFUND_AFTER_" + status(), true);
    }

    default Move refundFailed(Refund.Unresolved refund, RefundFailed fact) {
        return Move.stay("the attempt is " + status());
    }

    default Move refundProcessing(Refund.Unresolved refund, RefundProcessing fact) {
        return Move.stay("the attempt is " + status());
    }

    // ---------------------------------------------------------------------------------------------
    // Commands
    // ---------------------------------------------------------------------------------------------

    /** Requests the capture of the authorized funds; only {@link Authorized} accepts. */
    default Result<Authorized> requestCapture(PaymentAttempt attempt, Money requested, CaptureRequestId newRequestId,
                                              Instant now) {
        Capture capture = capture();
        if (capture != null && capture.isSucceeded()) {
            return Result.refused(new AlreadyCaptured(attempt.id(), capture));
        }
        return Result.refused(new NotAuthorized(attempt.id(), status()));
    }

    /**
     * Whether the attempt may be cancelled at Antom now: final attempts have nothing left to cancel. Nothing changes
     * here: Antom's answer is applied as a fact.
     */
    default Result<AttemptState> cancellable(PaymentAttempt attempt) {
        return Result.refused(new AttemptAlreadyFinal(attempt.id(), status()));
    }

    /**
     * Writes a merchant's refund of captured funds {@code REQUESTED}, before Antom is called; only the states with
     * captured funds accept, for an amount within what is left to refund.
     */
    default Result<AttemptState> requestRefund(PaymentAttempt attempt, Money amount, String reason,
                                               RefundRequestId newRequestId, Instant now) {
        return Result.refused(new RefundNeedsCapture(attempt.id(), status()));
    }

    /** Writes the full refund that undoes a captured duplicate Antom would not cancel; only {@link Captured} accepts. */
    default Result<AttemptState> refundDuplicate(PaymentAttempt attempt, RefundRequestId newRequestId, String reason,
                                                 Instant now) {
        return Result.refused(new RefundNeedsCapture(attempt.id(), status()));
    }

    /** This state with the authorization replaced; only the states that hold one have it. */
    default AttemptState withAuthorization(Authorization changed) {
        throw new IllegalStateException("an attempt " + status() + " has no authorization");
    }

    /** The payment id known already, else the one a fact gives. */
    static PaymentId known(PaymentId known, PaymentId given) {
        return known != null ? known : given;
    }
}
