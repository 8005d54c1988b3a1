package org.payengine.application.usecase;

import java.util.List;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * The one way a refund written {@code REQUESTED} reaches Antom, for the merchant's refunds and the refund of a
 * duplicate alike: sends it under its refund request id (the same on every retry, so Antom refunds once) outside
 * any transaction, and applies the answer. A definite refusal fails the refund; no answer leaves it as it was, for
 * a retry or an inquiry to settle — never failed.
 */
final class SendRefund {

    private final PaymentGateway gateway;
    private final FactApplier applier;
    private final CallBudget budget;

    SendRefund(PaymentGateway gateway, FactApplier applier, CallBudget budget) {
        this.gateway = gateway;
        this.applier = applier;
        this.budget = budget;
    }

    /** @return the attempt after Antom's answer, if any, was applied */
    PaymentAttempt send(PaymentAttempt attempt, Refund refund) {
        RefundRequest request = new RefundRequest(refund.requestId(), attempt.paymentId(), refund.amount(),
                refund.reason());
        GatewayOutcome<RefundFact> answer = Gateway.call(budget, () -> gateway.refund(request));
        List<RefundFact> facts = List.of();
        if (answer instanceof GatewayOutcome.Completed<RefundFact> completed) {
            facts = List.of(completed.value());
        } else if (answer instanceof GatewayOutcome.Refused<RefundFact> refused) {
            facts = List.of(new RefundFailed(refund.requestId(), refused.code(), refused.message()));
        }
        return applier.applyAndRead(attempt.id(), FactSource.API_RESPONSE, facts);
    }
}
