package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Objects;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * Refunds captured funds, in full or in part, through {@link RefundCalls}: once the node's call budget admits the call,
 * writes a new refund {@code REQUESTED} with a refund request id generated once (so a crash before or during the call
 * loses nothing: the workers send it again under that id), calls Antom outside any transaction, and applies the
 * answer. Each call is a new refund; a merchant who retries the same refund sends the same {@code Idempotency-Key},
 * which answers the first refund again without a second call.
 */
public final class RefundPayment {

    private final Orders orders;
    private final IdGenerator ids;
    private final Clock clock;
    private final GatewayOperation operation;
    private final RefundCalls refunds;

    @Inject
    public RefundPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                         IdGenerator ids, Clock clock, CallBudget budget) {
        this.orders = orders;
        this.ids = ids;
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
        this.refunds = new RefundCalls(operation, gateway);
    }

    /**
     * @return the refund after Antom's answer was applied ({@code SUCCEEDED}, {@code PROCESSING}, {@code FAILED}, or
     *         still {@code REQUESTED} when Antom gave no definite answer) with its attempt; or why it was refused
     *         ({@code PAYMENT_NOT_FOUND}, {@code NOT_CAPTURED}, {@code REFUND_EXCEEDS_CAPTURED},
     *         {@code REFUND_CURRENCY_MISMATCH}, {@code INVALID_REFUND_AMOUNT}, {@code DUPLICATE_PAYMENT}), or
     *         {@link UseCaseRejection.AntomBusy} before anything was written
     */
    public Result<Refunded> refund(Command command) {
        RefundRequestId requestId = ids.newRefundRequestId();
        return refunds.send(command.attempt(), command.by(), operation.onOrder(
                        () -> orders.findByPaymentRequestId(command.attempt()), new PaymentNotFound(command.attempt()),
                        order -> order.requestRefund(command.attempt(), command.amount(), command.reason(), requestId,
                                        command.by(), clock.now())
                                .map(refund -> RefundCalls.requestOf(order.attempt(command.attempt()).orElseThrow(),
                                        refund))))
                .map(after -> new Refunded(after, after.refund(requestId).orElseThrow()));
    }

    /**
     * @param amount the amount to give back, in the payment's currency, at most what is left to refund
     * @param reason the merchant's words, sent to Antom as the refund reason; may be {@code null}
     */
    public record Command(PaymentRequestId attempt, Money amount, String reason, AuditSource by) {
        public Command {
            Objects.requireNonNull(attempt, "paymentRequestId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(by, "by");
        }

        public static Command byMerchant(PaymentRequestId attempt, Money amount, String reason) {
            return new Command(attempt, amount, reason, AuditSource.MERCHANT);
        }
    }

    /** A refund and the payment attempt it belongs to. */
    public record Refunded(PaymentAttempt attempt, Refund refund) {
        public Refunded {
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(refund, "refund");
        }
    }
}
