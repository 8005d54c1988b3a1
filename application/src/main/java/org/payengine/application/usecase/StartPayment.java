package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.OrderNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.Order;
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

    private final Transactions transactions;
    private final Orders orders;
    private final PaymentGateway gateway;
    private final IdGenerator ids;
    private final Clock clock;
    private final FactApplier applier;
    private final CallBudget budget;

    @Inject
    public StartPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                        IdGenerator ids, Clock clock, CallBudget budget) {
        this.budget = budget;
        this.transactions = transactions;
        this.orders = orders;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
    }

    /**
     * @return the attempt after Antom's answer was applied (status {@code PENDING} with its redirect URL in the
     *         usual case), or why no attempt was started: {@link OrderNotFound}, or the domain's refusal
     *         ({@code ORDER_ALREADY_PAID}, {@code INVALID_CAPTURE_MODE}), or {@link AntomBusy} before anything was
     *         written
     */
    public Result<PaymentAttempt> start(Command command) {
        if (!budget.admitMerchantCall(AntomApi.PAY)) {
            return Result.refused(budget.busy(AntomApi.PAY));
        }
        PaymentRequestId attemptId = ids.newPaymentRequestId();
        Result<PaymentRequest> initiated = transactions.inTransaction(() -> {
            Optional<Order> order = orders.findByReferenceOrderId(command.order());
            if (order.isEmpty()) {
                return Result.refused(new OrderNotFound(command.order()));
            }
            Result<PaymentAttempt> attempt = order.get().startAttempt(attemptId, command.options(), clock.now());
            if (attempt.isAccepted()) {
                orders.save(order.get());
            }
            return attempt.map(started -> PaymentRequest.of(order.get().snapshot(), started));
        });
        if (!initiated.isAccepted()) {
            return Result.refused(initiated.rejection());
        }
        GatewayOutcome<PaymentFact> answer = Gateway.call(budget, () -> gateway.pay(initiated.value()));
        PaymentFact fact = factOf(attemptId, answer);
        return Result.accepted(applier.applyAndRead(attemptId, FactSource.API_RESPONSE, List.of(fact)));
    }


    private static PaymentFact factOf(PaymentRequestId attemptId, GatewayOutcome<PaymentFact> answer) {
        if (answer instanceof GatewayOutcome.Completed<PaymentFact> completed) {
            return completed.value();
        }
        if (answer instanceof GatewayOutcome.Refused<PaymentFact> refused) {
            return new PaymentFailed(attemptId, null, refused.code(), refused.message());
        }
        return new PaymentOutcomeUnknown(attemptId, ((GatewayOutcome.Unknown<PaymentFact>) answer).reason());
    }

    public record Command(ReferenceOrderId order, PaymentOptions options) {
        public Command {
            Objects.requireNonNull(order, "referenceOrderId");
            Objects.requireNonNull(options, "options");
        }
    }
}
