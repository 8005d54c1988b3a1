package org.payengine.application.usecase;

import jakarta.inject.Inject;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.AntomRefused;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Cancels a payment at Antom: closes one still awaiting the buyer, or voids an authorization (the order is
 * then closed). Captured payments are refunded, not cancelled, final ones have nothing to cancel, and one whose
 * capture is on its way waits for the capture's answer. Antom's confirmation is applied like any other fact. A
 * cancel of an authorization is recorded before it is sent; without a definite answer nothing else changes and the
 * cancel follow-up sends it again on the short schedule (Antom cancels a payment once) until Antom's answer settles
 * it.
 */
public final class CancelPayment {

    private final Orders orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final GatewayOperation operation;

    @Inject
    public CancelPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                         Clock clock, CallBudget budget) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
    }

    /**
     * @return the attempt after Antom's answer ({@code CANCELLED} when confirmed, unchanged when Antom gave no
     *         definite answer), or why not: {@code PAYMENT_NOT_FOUND}, {@code ALREADY_CAPTURED},
     *         {@code CAPTURE_IN_PROGRESS} (a capture is on its way: its answer decides), {@code PAYMENT_ALREADY_FINAL},
     *         or {@code ANTOM_REFUSED} with Antom's code, or {@link AntomBusy} when nothing was sent
     */
    public Result<PaymentAttempt> cancel(PaymentRequestId attemptId) {
        return cancel(attemptId, AuditSource.MERCHANT);
    }

    /** {@link #cancel(PaymentRequestId)} on behalf of {@code by}: the workers' cancels never wait for the call budget. */
    public Result<PaymentAttempt> cancel(PaymentRequestId attemptId, AuditSource by) {
        return operation.call(AntomApi.CANCEL, by, operation.onOrder(
                        () -> orders.findByPaymentRequestId(attemptId), new PaymentNotFound(attemptId),
                        order -> order.checkCancellable(attemptId).map(attempt -> {
                            // written before the call: a cancel of an authorization whose answer is lost is followed up
                            order.cancelSent(attemptId, clock.now());
                            return new CancelRequest(attemptId, attempt.paymentId());
                        })))
                .send(gateway::cancel)
                .applyAndRead(attemptId, OutcomeFacts.<CancelRequest, PaymentCancelled>answerIsTheFact()
                        .whenRefusedAnswer((request, refused) -> refusedByAntom(attemptId, refused)));
    }

    /** Antom would not cancel: the cancel is no longer awaited, and the caller learns why. */
    private Result<PaymentAttempt> refusedByAntom(PaymentRequestId attemptId, GatewayOutcome.Refused<?> refused) {
        operation.change(() -> orders.findByPaymentRequestId(attemptId),
                order -> order.cancelAnswered(attemptId, clock.now()));
        // A capture requested since the check may be why Antom refused (it will not cancel what it captured or
        // is capturing): the engine's own refusal says so better than Antom's code.
        Result<PaymentAttempt> now = operation.read(() -> orders.findByPaymentRequestId(attemptId)
                .<Result<PaymentAttempt>>map(order -> order.checkCancellable(attemptId))
                .orElseGet(() -> Result.refused(new PaymentNotFound(attemptId))));
        return now.isAccepted()
                ? Result.refused(new AntomRefused("cancel payment " + attemptId, refused.code(), refused.message()))
                : now;
    }
}
