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
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderRejection.NotADuplicate;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RemediationStatus;

/**
 * Takes one step to undo a duplicate success (for the duplicate remediation worker, which calls it until the
 * duplicate is undone): cancel it at Antom; when Antom refuses to cancel a captured payment, switch to a full
 * refund (one refund request id, kept across retries) and send it the way every refund is sent ({@link SendRefund}).
 * Each step is safe to repeat.
 */
public final class RemediateDuplicate {

    private final Transactions transactions;
    private final Orders orders;
    private final PaymentGateway gateway;
    private final IdGenerator ids;
    private final Clock clock;
    private final FactApplier applier;
    private final SendRefund refunds;
    private final CallBudget budget;

    @Inject
    public RemediateDuplicate(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                              IdGenerator ids, Clock clock, CallBudget budget) {
        this.budget = budget;
        this.transactions = transactions;
        this.orders = orders;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
        this.refunds = new SendRefund(gateway, applier, budget);
    }

    /**
     * @return the attempt after this step (its {@link PaymentAttempt#remediation()} says where it stands), or
     *         {@code PAYMENT_NOT_FOUND} / {@code NOT_A_DUPLICATE}
     */
    public Result<PaymentAttempt> remediate(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = applier.attempt(attemptId);
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
            refunds.send(attempt, attempt.refunds().get(0));
        }
        return Result.accepted(applier.attempt(attemptId).orElseThrow());
    }

    private void cancel(PaymentAttempt attempt) {
        if (!budget.admitBackgroundCall(AntomApi.CANCEL)) {
            return;
        }
        GatewayOutcome<PaymentCancelled> answer = Gateway.call(budget,
                () -> gateway.cancel(new CancelRequest(attempt.id(), attempt.paymentId())));
        if (answer instanceof GatewayOutcome.Completed<PaymentCancelled> completed) {
            applier.apply(List.of(completed.value()), FactSource.API_RESPONSE);
        } else if (answer instanceof GatewayOutcome.Refused<PaymentCancelled> refused
                && attempt.status() == AttemptStatus.CAPTURED) {
            // Antom will not cancel a captured card payment (e.g. CANCEL_WINDOW_EXCEED): give the money back instead.
            // An authorized one it refused to cancel is left alone until its capture arrives.
            var newRequestId = ids.newRefundRequestId();
            Result<Refund> refund = transactions.inTransaction(() -> {
                Order order = orders.findByPaymentRequestId(attempt.id()).orElseThrow();
                Result<Refund> requested = order.refundDuplicateInstead(attempt.id(), newRequestId,
                        "cancel refused: " + refused.code(), AuditSource.WORKER, clock.now());
                if (order.hasChanges()) {
                    orders.save(order);
                }
                return requested;
            });
            if (refund.isAccepted()) {
                refunds.send(attempt, refund.value());
            }
        }
    }
}
