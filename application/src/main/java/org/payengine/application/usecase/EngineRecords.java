package org.payengine.application.usecase;

import java.util.Optional;
import java.util.function.Function;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.reconciliation.EngineTransaction;
import org.payengine.domain.reconciliation.EngineTransaction.Kind;
import org.payengine.domain.reconciliation.EngineTransaction.Outcome;
import org.payengine.domain.reconciliation.ReportRow;

/**
 * What the engine's records say of the transaction a report row stands for: the one place reconciliation reads the
 * order model, so that only this class follows it when the model changes.
 *
 * <p>The row's ids are tried the way Antom's ID rules allow, current layout first: the request id of the call
 * ({@code transactionRequestId}: payment, capture or refund request id; the payment request id on a cancel, and on a
 * capture in the older layouts), then Antom's ids ({@code transactionId}: the payment id, or in the older layouts
 * the capture id; {@code originalTransactionId}: the older layouts' payment id).
 */
final class EngineRecords {

    private final Transactions transactions;
    private final Orders orders;

    EngineRecords(Transactions transactions, Orders orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    /** The engine's transaction of the row's kind, or empty when the engine knows none (or the row's kind is not the engine's). */
    Optional<EngineTransaction> find(ReportRow row) {
        return transactions.inTransaction(() -> switch (row.type()) {
            case PAYMENT, AUTHORIZATION -> attemptOf(row).map(EngineRecords::payment);
            case CANCEL, VOID -> attemptOf(row).map(EngineRecords::cancel);
            case CAPTURE -> captureOf(row);
            case REFUND -> refundOf(row);
            default -> Optional.empty();
        });
    }

    private Optional<PaymentAttempt> attemptOf(ReportRow row) {
        return byPaymentRequestId(row.transactionRequestId())
                .or(() -> byPaymentId(row.transactionId()))
                .or(() -> byPaymentId(row.originalTransactionId()));
    }

    private Optional<EngineTransaction> captureOf(ReportRow row) {
        Optional<PaymentAttempt> byCapture = id(row.transactionRequestId(), CaptureRequestId::of)
                .flatMap(orders::findByCaptureRequestId)
                .flatMap(order -> attemptWith(order, attempt -> attempt.capture() != null
                        && attempt.capture().requestId() != null
                        && attempt.capture().requestId().value().equals(row.transactionRequestId())))
                .or(() -> id(row.transactionId(), CaptureId::of).flatMap(orders::findByCaptureId)
                        .flatMap(order -> attemptWith(order, attempt -> attempt.capture() != null
                                && attempt.capture().captureId() != null
                                && attempt.capture().captureId().value().equals(row.transactionId()))));
        return byCapture.or(() -> attemptOf(row)).map(EngineRecords::capture);
    }

    private Optional<EngineTransaction> refundOf(ReportRow row) {
        return id(row.transactionRequestId(), RefundRequestId::of).flatMap(requestId -> orders
                .findByRefundRequestId(requestId)
                .flatMap(order -> attemptWith(order, attempt -> attempt.refund(requestId).isPresent()))
                .map(attempt -> refund(attempt, attempt.refund(requestId).orElseThrow())));
    }

    private Optional<PaymentAttempt> byPaymentRequestId(String text) {
        return id(text, PaymentRequestId::of).flatMap(id -> orders.findByPaymentRequestId(id)
                .flatMap(order -> order.attempt(id)));
    }

    private Optional<PaymentAttempt> byPaymentId(String text) {
        return id(text, PaymentId::of).flatMap(id -> orders.findByPaymentId(id)
                .flatMap(order -> attemptWith(order, attempt -> id.equals(attempt.paymentId()))));
    }

    private static Optional<PaymentAttempt> attemptWith(Order order, java.util.function.Predicate<PaymentAttempt> test) {
        return order.attempts().stream().filter(test).findFirst();
    }

    /** A report's id as the engine's id type; an id no engine id can be (too long, control characters) is none. */
    private static <T> Optional<T> id(String text, Function<String, T> of) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(of.apply(text));
        } catch (InvalidValueException notAnId) {
            return Optional.empty();
        }
    }

    private static EngineTransaction payment(PaymentAttempt attempt) {
        Outcome outcome = attempt.authorization() != null ? Outcome.SUCCEEDED
                : attempt.status().isTerminal() ? Outcome.FAILED : Outcome.NOT_REACHED;
        return view(Kind.PAYMENT, attempt, null, null, outcome, attempt.status().name());
    }

    private static EngineTransaction cancel(PaymentAttempt attempt) {
        Outcome outcome = attempt.status() == AttemptStatus.CANCELLED ? Outcome.SUCCEEDED
                : attempt.status().isTerminal() ? Outcome.FAILED : Outcome.NOT_REACHED;
        return view(Kind.CANCEL, attempt, null, null, outcome, attempt.status().name());
    }

    private static EngineTransaction capture(PaymentAttempt attempt) {
        Capture capture = attempt.capture();
        if (capture == null) {
            Outcome outcome = attempt.status().isTerminal() ? Outcome.FAILED : Outcome.NOT_REACHED;
            return view(Kind.CAPTURE, attempt, null, null, outcome, "NOT_CAPTURED");
        }
        Outcome outcome = switch (capture.status()) {
            case SUCCEEDED -> Outcome.SUCCEEDED;
            case FAILED -> attempt.status().isTerminal() ? Outcome.FAILED : Outcome.NOT_REACHED;
            default -> Outcome.NOT_REACHED;
        };
        return new EngineTransaction(Kind.CAPTURE, attempt.orderId(), attempt.id(), attempt.paymentId(),
                capture.requestId() == null ? null : capture.requestId().value(),
                capture.captureId() == null ? null : capture.captureId().value(), capture.amount(), outcome,
                capture.status().name(), attempt.captureMode() == CaptureMode.AUTOMATIC,
                attempt.status() == AttemptStatus.CANCELLED, capture.requestedAt());
    }

    private static EngineTransaction refund(PaymentAttempt attempt, Refund refund) {
        Outcome outcome = refund.status() == RefundStatus.SUCCEEDED ? Outcome.SUCCEEDED
                : refund.status() == RefundStatus.FAILED ? Outcome.FAILED : Outcome.NOT_REACHED;
        return new EngineTransaction(Kind.REFUND, attempt.orderId(), attempt.id(), attempt.paymentId(),
                refund.requestId().value(), refund.refundId() == null ? null : refund.refundId().value(),
                refund.amount(), outcome, refund.status().name(), attempt.captureMode() == CaptureMode.AUTOMATIC,
                attempt.status() == AttemptStatus.CANCELLED, refund.requestedAt());
    }

    private static EngineTransaction view(Kind kind, PaymentAttempt attempt, String requestId, String antomId,
                                          Outcome outcome, String status) {
        return new EngineTransaction(kind, attempt.orderId(), attempt.id(), attempt.paymentId(), requestId, antomId,
                attempt.amount(), outcome, status, attempt.captureMode() == CaptureMode.AUTOMATIC,
                attempt.status() == AttemptStatus.CANCELLED, attempt.initiatedAt());
    }
}
