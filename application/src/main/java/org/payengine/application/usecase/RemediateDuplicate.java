package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.application.usecase.GatewayOperation.Sent;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderRejection.NotADuplicate;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.order.RemediationStatus;

/**
 * Takes one step to undo a duplicate success (for the duplicate remediation worker, which calls it until the
 * duplicate is undone): cancel it at Antom; when Antom refuses to cancel a captured payment, switch to a full
 * refund (one refund request id, kept across retries) and send it. Each step is safe to repeat.
 */
public final class RemediateDuplicate {

    private final Orders orders;
    private final PaymentGateway gateway;
    private final IdGenerator ids;
    private final Clock clock;
    private final GatewayOperation operation;
    private final RefundCalls refunds;

    @Inject
    public RemediateDuplicate(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                              IdGenerator ids, Clock clock, CallBudget budget) {
        this.orders = orders;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
        this.refunds = new RefundCalls(operation, gateway);
    }

    /**
     * @return the attempt after this step (its {@link PaymentAttempt#remediation()} says where it stands), or
     *         {@code PAYMENT_NOT_FOUND} / {@code NOT_A_DUPLICATE}
     */
    public Result<PaymentAttempt> remediate(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = operation.attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(attemptId));
        }
        PaymentAttempt attempt = found.get();
        RemediationStatus status = attempt.remediation().orElse(null);
        if (status == null) {
            return Result.refused(new NotADuplicate(attemptId));
        }
        if (status == RemediationStatus.CANCEL_REQUESTED) {
            cancel(attempt);
        } else if (status == RemediationStatus.REFUND_REQUESTED) {
            refund(attempt);
        }
        return Result.accepted(operation.attempt(attemptId).orElseThrow());
    }

    private void cancel(PaymentAttempt attempt) {
        Sent<CancelRequest, PaymentCancelled> sent = operation
                .call(AntomApi.CANCEL, AuditSource.WORKER, new CancelRequest(attempt.id(), attempt.paymentId()))
                .send(gateway::cancel);
        sent.apply(FactSource.API_RESPONSE, OutcomeFacts.answerIsTheFact());
        if (sent.wasSent() && sent.outcome() instanceof GatewayOutcome.Refused<PaymentCancelled> refused
                && attempt.status() == AttemptStatus.CAPTURED) {
            // Antom will not cancel a captured card payment (e.g. CANCEL_WINDOW_EXCEED): give the money back instead.
            // An authorized one it refused to cancel is left alone until its capture arrives.
            RefundRequestId newRequestId = ids.newRefundRequestId();
            Result<PaymentAttempt> refunding = operation.write(() -> orders.findByPaymentRequestId(attempt.id()),
                    new PaymentNotFound(attempt.id()),
                    order -> order.refundDuplicateInstead(attempt.id(), newRequestId, "cancel refused: " + refused.code(),
                            AuditSource.WORKER, clock.now()).map(refund -> order.attempt(attempt.id()).orElseThrow()));
            if (refunding.isAccepted()) {
                refund(refunding.value());
            }
        }
    }

    /**
     * Sends the duplicate's full refund (its refund request id is kept across retries), as every refund is sent; once
     * Antom took it ({@code PROCESSING}) it is inquired instead, as the refund follow-up does for the merchant's
     * refunds: an inquiry asks how the refund stands and can never move money, where sending it again would rest on
     * Antom recognising the request id.
     */
    private void refund(PaymentAttempt attempt) {
        Refund refund = attempt.refunds().get(0);
        if (refund.status() == RefundStatus.PROCESSING) {
            refunds.inquire(refund);
        } else {
            refunds.sendRequested(attempt, refund);
        }
    }
}
