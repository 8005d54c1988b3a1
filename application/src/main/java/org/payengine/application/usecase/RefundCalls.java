package org.payengine.application.usecase;

import java.util.function.Supplier;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * A refund's calls to Antom as {@link GatewayOperation}s: the refund call, the one way a refund reaches Antom for the
 * merchant's refunds, their follow-up and the refund of a duplicate alike, and the refund inquiry. Each call is
 * admitted once through the call budget (a call not admitted writes and sends nothing). A refund goes under its
 * refund request id (the same on every retry, so Antom refunds once) and Antom's answer is applied once: a definite
 * refusal fails the refund; no definite answer leaves it {@code REQUESTED} for the refund follow-up to send again —
 * never failed.
 */
final class RefundCalls {

    /** What a refund call's outcome means: Antom's answer as it stands, its refusal the refund's failure. */
    private static final OutcomeFacts<RefundRequest, RefundFact> MEANING =
            OutcomeFacts.<RefundRequest, RefundFact>answerIsTheFact()
                    .whenRefused((request, refused) -> new RefundFailed(request.refundRequestId(), refused.code(),
                            refused.message()));

    private final GatewayOperation operation;
    private final PaymentGateway gateway;

    RefundCalls(GatewayOperation operation, PaymentGateway gateway) {
        this.operation = operation;
        this.gateway = gateway;
    }

    /**
     * Sends a new refund: once the call is admitted, {@code writeRequested} writes the refund {@code REQUESTED} (in the
     * operation's first transaction) and answers its request.
     *
     * @return the attempt after Antom's answer was applied; or why nothing was sent ({@link UseCaseRejection.AntomBusy}
     *         with nothing written, or the refusal of {@code writeRequested})
     */
    Result<PaymentAttempt> send(PaymentRequestId attemptId, AuditSource by,
                                Supplier<Result<RefundRequest>> writeRequested) {
        return operation.call(AntomApi.REFUND, by, writeRequested)
                .send(gateway::refund)
                .applyAndRead(attemptId, MEANING);
    }

    /**
     * Sends, for the workers, a refund already written {@code REQUESTED}: one whose answer was lost, sent again, or
     * one an earlier step wrote (a duplicate's refund). Nothing is written before the call.
     *
     * @return the attempt after Antom's answer was applied; or {@link UseCaseRejection.AntomBusy} when the budget did
     *         not admit the call (nothing was sent: the work looks again later)
     */
    Result<PaymentAttempt> sendRequested(PaymentAttempt attempt, Refund refund) {
        return operation.call(AntomApi.REFUND, AuditSource.WORKER, requestOf(attempt, refund))
                .send(gateway::refund)
                .applyAndRead(attempt.id(), MEANING);
    }

    /**
     * Asks Antom how a refund awaiting its answer stands ({@code inquiryRefund}) and applies what it says; a call the
     * budget does not admit, or one without a definite answer, changes nothing and the follow-up asks again.
     */
    void inquire(Refund refund) {
        operation.call(AntomApi.INQUIRY_REFUND, AuditSource.WORKER,
                        new RefundInquiry(refund.requestId(), refund.refundId()))
                .send(gateway::inquireRefund)
                .apply(FactSource.INQUIRY, OutcomeFacts.answerIsTheFact());
    }

    /** The request that sends {@code refund} of {@code attempt}, under its own refund request id. */
    static RefundRequest requestOf(PaymentAttempt attempt, Refund refund) {
        return new RefundRequest(refund.requestId(), attempt.paymentId(), refund.amount(), refund.reason());
    }
}
