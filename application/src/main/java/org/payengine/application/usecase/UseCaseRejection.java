package org.payengine.application.usecase;

import org.payengine.domain.Rejection;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * Refusals of the use cases themselves (the domain's are {@link org.payengine.domain.order.OrderRejection}).
 * Codes ending in {@code _NOT_FOUND} mean "no such thing" (HTTP 404), {@code ANTOM_UNAVAILABLE} means
 * "try again later" (503); the others are conflicts (409).
 */
public sealed interface UseCaseRejection extends Rejection {

    record OrderNotFound(ReferenceOrderId order) implements UseCaseRejection {
        @Override
        public String code() {
            return "ORDER_NOT_FOUND";
        }

        @Override
        public String message() {
            return "There is no order " + order;
        }
    }

    record PaymentNotFound(PaymentRequestId attempt) implements UseCaseRejection {
        @Override
        public String code() {
            return "PAYMENT_NOT_FOUND";
        }

        @Override
        public String message() {
            return "There is no payment attempt " + attempt;
        }
    }

    /** The same reference order id was created before with other contents. */
    record OrderConflict(ReferenceOrderId order, String difference) implements UseCaseRejection {
        @Override
        public String code() {
            return "ORDER_CONFLICT";
        }

        @Override
        public String message() {
            return "Order " + order + " exists with different contents (" + difference
                    + "); the same reference order id must always describe the same order";
        }
    }

    /** Antom definitely refused the operation, with its own code. */
    record AntomRefused(String operation, ResultCode antomCode, String antomMessage) implements UseCaseRejection {
        @Override
        public String code() {
            return "ANTOM_REFUSED";
        }

        @Override
        public String message() {
            return "Antom refused to " + operation + ": " + antomCode + (antomMessage == null ? "" : " " + antomMessage);
        }
    }

    /**
     * This node's budget of calls to Antom had no room for the call within the wait a merchant's request is given
     * (or Antom asked the node to slow down): nothing was sent, nothing changed.
     */
    record AntomBusy(AntomApi api, long retryAfterSeconds) implements UseCaseRejection {
        @Override
        public String code() {
            return "ANTOM_BUSY";
        }

        @Override
        public String message() {
            return "This engine is calling Antom's " + api.wireName() + " as fast as it may; nothing was sent or "
                    + "changed; try again in " + retryAfterSeconds + " s";
        }
    }

    /** Antom gave no definite answer; nothing is known to have happened. */
    record AntomUnavailable(String operation, String reason) implements UseCaseRejection {
        @Override
        public String code() {
            return "ANTOM_UNAVAILABLE";
        }

        @Override
        public String message() {
            return "Antom gave no definite answer to " + operation + " (" + reason + "); try again later";
        }
    }
}
