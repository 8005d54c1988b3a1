package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
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
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.Order;
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

    private final Transactions transactions;
    private final Orders orders;
    private final PaymentGateway gateway;
    private final FactApplier applier;
    private final CallBudget budget;
    private final Clock clock;

    @Inject
    public CancelPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                         Clock clock, CallBudget budget) {
        this.budget = budget;
        this.clock = clock;
        this.transactions = transactions;
        this.orders = orders;
        this.gateway = gateway;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
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
        boolean admitted = by == AuditSource.WORKER ? budget.admitBackgroundCall(AntomApi.CANCEL)
                : budget.admitMerchantCall(AntomApi.CANCEL);
        if (!admitted) {
            return Result.refused(budget.busy(AntomApi.CANCEL));
        }
        // written before the call: a cancel of an authorization whose answer is lost is followed up
        Result<PaymentAttempt> cancellable = transactions.inTransaction(() -> {
            Optional<Order> order = orders.findByPaymentRequestId(attemptId);
            if (order.isEmpty()) {
                return Result.<PaymentAttempt>refused(new PaymentNotFound(attemptId));
            }
            Result<PaymentAttempt> checked = order.get().checkCancellable(attemptId);
            if (checked.isAccepted() && order.get().cancelSent(attemptId, clock.now())) {
                orders.save(order.get());
            }
            return checked;
        });
        if (!cancellable.isAccepted()) {
            return cancellable;
        }
        PaymentAttempt attempt = cancellable.value();
        GatewayOutcome<PaymentCancelled> answer = Gateway.call(budget,
                () -> gateway.cancel(new CancelRequest(attemptId, attempt.paymentId())));
        if (answer instanceof GatewayOutcome.Refused<PaymentCancelled> refused) {
            transactions.run(() -> orders.findByPaymentRequestId(attemptId).ifPresent(order -> {
                if (order.cancelAnswered(attemptId, clock.now())) {
                    orders.save(order);
                }
            }));
            // A capture requested since the check may be why Antom refused (it will not cancel what it captured or
            // is capturing): the engine's own refusal says so better than Antom's code.
            Result<PaymentAttempt> now = checkCancellable(attemptId);
            return now.isAccepted()
                    ? Result.refused(new AntomRefused("cancel payment " + attemptId, refused.code(), refused.message()))
                    : now;
        }
        List<PaymentCancelled> facts = answer instanceof GatewayOutcome.Completed<PaymentCancelled> completed
                ? List.of(completed.value()) : List.of();
        return Result.accepted(applier.applyAndRead(attemptId, FactSource.API_RESPONSE, facts));
    }

    private Result<PaymentAttempt> checkCancellable(PaymentRequestId attemptId) {
        return transactions.inTransaction(() -> {
            Optional<Order> order = orders.findByPaymentRequestId(attemptId);
            return order.isEmpty()
                    ? Result.<PaymentAttempt>refused(new PaymentNotFound(attemptId))
                    : order.get().checkCancellable(attemptId);
        });
    }
}
