package org.payengine.domain.order;

import java.time.Instant;
import org.payengine.domain.Rejection;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;

/** Why the {@link Order} aggregate refused a request. Each refusal names the order or attempt, its state and the reason. */
public sealed interface OrderRejection extends Rejection {

    /** A new attempt may start only while the order is {@code OPEN}. The merchant API calls this {@code ORDER_ALREADY_PAID}. */
    record OrderNotOpen(ReferenceOrderId order, OrderStatus status) implements OrderRejection {
        @Override
        public String code() {
            return "ORDER_ALREADY_PAID";
        }

        @Override
        public String message() {
            return "Order " + order + " is " + status + (status == OrderStatus.CLOSED
                    ? ": it was closed, nothing more can be paid on it"
                    : ": it already has a successful payment, a second one would charge the buyer twice");
        }
    }

    /** Korean issuer authentication supports automatic capture only (Antom's rule). */
    record IssuerAuthenticationNeedsAutomaticCapture(ReferenceOrderId order) implements OrderRejection {
        @Override
        public String code() {
            return "INVALID_CAPTURE_MODE";
        }

        @Override
        public String message() {
            return "Order " + order + ": a payment that requires issuer authentication (Korean cards) can only use"
                    + " automatic capture, not MANUAL";
        }
    }

    /** Every attempt needs a new payment request id. */
    record PaymentRequestIdInUse(ReferenceOrderId order, PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "PAYMENT_REQUEST_ID_IN_USE";
        }

        @Override
        public String message() {
            return "Order " + order + " already has an attempt with payment request id " + attempt
                    + "; every attempt needs a new one";
        }
    }

    record PaymentNotFound(ReferenceOrderId order, PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "PAYMENT_NOT_FOUND";
        }

        @Override
        public String message() {
            return "Order " + order + " has no payment attempt " + attempt;
        }
    }

    /** Only an authorized attempt can be captured. */
    record NotAuthorized(PaymentRequestId attempt, AttemptStatus status) implements OrderRejection {
        @Override
        public String code() {
            return "NOT_AUTHORIZED";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is " + status + ", not AUTHORIZED: there are no authorized funds to capture";
        }
    }

    record AlreadyCaptured(PaymentRequestId attempt, Capture capture) implements OrderRejection {
        @Override
        public String code() {
            return "ALREADY_CAPTURED";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is already captured (capture id " + capture.captureId()
                    + "); it cannot be captured again or cancelled: refund it instead";
        }
    }

    /**
     * A capture and a cancel of one payment are ordered on the order: while a capture is on its way to Antom it is
     * either captured or refused, and a cancel sent meanwhile would race it at Antom.
     */
    record CaptureInProgress(PaymentRequestId attempt, Capture capture) implements OrderRejection {
        @Override
        public String code() {
            return "CAPTURE_IN_PROGRESS";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " has a capture in progress (capture request id " + capture.requestId()
                    + ", " + capture.status() + "); it cannot be cancelled until Antom has answered the capture:"
                    + " a capture that fails leaves the authorization to cancel, one that succeeds is refunded";
        }
    }

    /** Antom releases a manual-capture authorization at the deadline; the domain never captures later. */
    record CaptureWindowExpired(PaymentRequestId attempt, Instant deadline, Instant now) implements OrderRejection {
        @Override
        public String code() {
            return "CAPTURE_WINDOW_EXPIRED";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " could be captured until " + deadline + " (the earlier of authorization"
                    + " + 7 days and Antom's authExpiryTime); it is now " + now;
        }
    }

    /** One-time card payments capture exactly the authorized amount. */
    record CaptureAmountMismatch(PaymentRequestId attempt, Money authorized, Money requested) implements OrderRejection {
        @Override
        public String code() {
            return "CAPTURE_AMOUNT_MISMATCH";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is authorized for " + authorized + "; a capture must be for exactly that"
                    + " amount, not " + requested;
        }
    }

    record CaptureIsAutomatic(PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "AUTOMATIC_CAPTURE";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " uses automatic capture: Antom captures it by itself";
        }
    }

    /** A duplicate success is undone, never captured. */
    record DuplicateNotCapturable(PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "DUPLICATE_PAYMENT";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is a duplicate success of an order that is already paid or closed;"
                    + " it is being cancelled, not captured";
        }
    }

    record AttemptAlreadyFinal(PaymentRequestId attempt, AttemptStatus status) implements OrderRejection {
        @Override
        public String code() {
            return "PAYMENT_ALREADY_FINAL";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is " + status + ", which is final; there is nothing to cancel";
        }
    }

    record NotADuplicate(PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "NOT_A_DUPLICATE";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is not a duplicate success; only duplicates are refunded by PayEngine";
        }
    }

    /** Only captured funds are refunded; an authorization (or a duplicate before its capture) is cancelled instead. */
    record RefundNeedsCapture(PaymentRequestId attempt, AttemptStatus status) implements OrderRejection {
        @Override
        public String code() {
            return "NOT_CAPTURED";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is " + status + ", not CAPTURED: only captured funds are refunded;"
                    + " an authorization is cancelled instead";
        }
    }

    /**
     * The refunds of a payment never add up to more than was captured (Antom: "multiple refunds as long as the total
     * refund amount is less than or equal to the original transaction amount"). Refunds awaiting Antom's answer count.
     */
    record RefundExceedsCaptured(PaymentRequestId attempt, Money captured, Money refundable, Money requested)
            implements OrderRejection {
        @Override
        public String code() {
            return "REFUND_EXCEEDS_CAPTURED";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " captured " + captured + ", of which " + refundable
                    + " is left to refund (refunds not failed count); a refund of " + requested + " would exceed it";
        }
    }

    /** A refund is in the payment's currency (Antom refuses another with {@code CURRENCY_NOT_SUPPORT}). */
    record RefundCurrencyMismatch(PaymentRequestId attempt, Money captured, Money requested) implements OrderRejection {
        @Override
        public String code() {
            return "REFUND_CURRENCY_MISMATCH";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " was paid in " + captured.currencyCode() + "; a refund must be in that"
                    + " currency, not " + requested.currencyCode();
        }
    }

    /** A duplicate success is refunded by PayEngine itself, in full; the merchant does not refund it. */
    record DuplicateNotRefundable(PaymentRequestId attempt) implements OrderRejection {
        @Override
        public String code() {
            return "DUPLICATE_PAYMENT";
        }

        @Override
        public String message() {
            return "Payment " + attempt + " is a duplicate success of an order already paid or closed; PayEngine"
                    + " undoes it in full by itself";
        }
    }

    /** A refund gives back some money: a positive amount. */
    record RefundAmountNotPositive(PaymentRequestId attempt, Money requested) implements OrderRejection {
        @Override
        public String code() {
            return "INVALID_REFUND_AMOUNT";
        }

        @Override
        public String message() {
            return "A refund of payment " + attempt + " must be for a positive amount, not " + requested;
        }
    }
}
