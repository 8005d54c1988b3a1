package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Objects;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.OrderNotFound;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;

/**
 * Starts a payment attempt for an order:
 * <ol>
 *   <li>in a first transaction, checks the order is {@code OPEN} and writes the attempt {@code INITIATED}
 *       under a new payment request id;</li>
 *   <li>calls Antom's pay outside any transaction;</li>
 *   <li>in a second transaction, applies the answer: in process → {@code PENDING} with the hosted page's URL;
 *       success → {@code AUTHORIZED}; Antom's definite failure → {@code FAILED}; no definite answer (timeout,
 *       {@code U}) → {@code UNKNOWN}, which the payment follow-up settles — never {@code FAILED}.</li>
 * </ol>
 * A crash between the steps loses nothing: the attempt is written before Antom hears of it.
 */
public final class StartPayment {

    private final Orders orders;
    private final IdGenerator ids;
    private final Clock clock;
    private final PaymentGateway gateway;
    private final GatewayOperation operation;

    @Inject
    public StartPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                        IdGenerator ids, Clock clock, CallBudget budget) {
        this.orders = orders;
        this.ids = ids;
        this.clock = clock;
        this.gateway = gateway;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
    }

    /**
     * @return the attempt after Antom's answer was applied (status {@code PENDING} with its redirect URL in the
     *         usual case), or why no attempt was started: {@link OrderNotFound}, or the domain's refusal
     *         ({@code ORDER_ALREADY_PAID}, {@code INVALID_CAPTURE_MODE}), or {@link AntomBusy} before anything was
     *         written
     */
    public Result<PaymentAttempt> start(Command command) {
        PaymentRequestId attemptId = ids.newPaymentRequestId();
        return operation.call(AntomApi.PAY, AuditSource.MERCHANT, operation.onOrder(
                        () -> orders.findByReferenceOrderId(command.order()), new OrderNotFound(command.order()),
                        order -> order.startAttempt(attemptId, command.options(), clock.now())
                                .map(started -> PaymentRequest.of(order.snapshot(), started))))
                .send(gateway::pay)
                .applyAndRead(attemptId, OutcomeFacts.<PaymentRequest, PaymentFact>answerIsTheFact()
                        // Antom's definite F: this attempt failed; no definite answer: its outcome is unknown, never failed
                        .whenRefused((request, refused) -> new PaymentFailed(attemptId, null, refused.code(),
                                refused.message()))
                        .whenUnknown((request, unknown) -> new PaymentOutcomeUnknown(attemptId, unknown.reason())));
    }

    public record Command(ReferenceOrderId order, PaymentOptions options) {
        public Command {
            Objects.requireNonNull(order, "referenceOrderId");
            Objects.requireNonNull(options, "options");
        }
    }
}
