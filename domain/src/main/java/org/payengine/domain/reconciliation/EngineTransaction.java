package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;

/**
 * What the engine's records say of one transaction a report row may stand for: the little the matching needs, so
 * that the rules stay apart from how orders and attempts are modelled.
 *
 * @param paymentRequestId the attempt the transaction belongs to
 * @param paymentId        Antom's payment id of the attempt, once known
 * @param requestId        the capture or refund request id, for a capture or refund (else {@code null})
 * @param antomId          Antom's capture or refund id, once known (else {@code null})
 * @param amount           the amount the engine asked for
 * @param outcome          how far the engine knows the transaction went
 * @param status           the engine's own word for where it stands ({@code AUTHORIZED}, {@code SUCCEEDED}, …)
 * @param automaticCapture whether Antom captures the payment by itself (a report may then list the payment alone)
 * @param cancelled        whether the attempt is cancelled (an unpaid payment closed, or an authorization voided)
 * @param at               when the engine made the transaction (started the attempt, requested the capture or refund)
 */
public record EngineTransaction(Kind kind, ReferenceOrderId orderId, PaymentRequestId paymentRequestId,
                                PaymentId paymentId, String requestId, String antomId, Money amount, Outcome outcome,
                                String status, boolean automaticCapture, boolean cancelled, Instant at) {

    public EngineTransaction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        if (kind == Kind.REFUND && requestId == null) {
            throw new IllegalArgumentException("a refund is named by its own request id");
        }
    }

    /** The kinds of transaction the engine makes at Antom. */
    public enum Kind { PAYMENT, CAPTURE, REFUND, CANCEL }

    /** How far the engine knows a transaction went. */
    public enum Outcome {
        /** Antom said it succeeded (for a payment: it was authorized, whatever followed). */
        SUCCEEDED,
        /** Antom said it failed, or it can no longer happen. */
        FAILED,
        /** Not final in the engine's records (or, for a capture or cancel, not made at all). */
        NOT_REACHED
    }

    /** Which transaction this is, as report rows are matched to it. */
    public EngineSubject subject() {
        return new EngineSubject(kind, kind == Kind.REFUND ? requestId : paymentRequestId.value());
    }

    /** The transaction in a few words, for a discrepancy: {@code CAPTURE SUCCEEDED USD 100.00}. */
    public String describe() {
        return kind + " " + status + " " + amount;
    }
}
