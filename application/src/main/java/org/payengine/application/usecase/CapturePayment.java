package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Captures an authorized manual-capture payment: writes the capture {@code REQUESTED} (with a capture request
 * id generated once), calls Antom outside any transaction, and applies the answer. Idempotent: calling again
 * while the capture is unresolved sends the same capture again with the same capture request id, and a failed
 * capture is retried with that id while the window is open (Antom's idempotency decides). Refused past the
 * window, for any amount but the authorized one, or when the payment is not authorized.
 */
public final class CapturePayment {

    private final Transactions transactions;
    private final Orders orders;
    private final PaymentGateway gateway;
    private final IdGenerator ids;
    private final Clock clock;
    private final FactApplier applier;
    private final CallBudget budget;

    @Inject
    public CapturePayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
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
     * @return the attempt after Antom's answer was applied (its capture {@code SUCCEEDED}, {@code PROCESSING},
     *         {@code FAILED}, or still {@code REQUESTED} when Antom gave no definite answer), or why the capture was
     *         refused ({@code PAYMENT_NOT_FOUND}, {@code NOT_AUTHORIZED} also when a cancel overtook the capture at
     *         Antom, {@code CAPTURE_WINDOW_EXPIRED},
     *         {@code ALREADY_CAPTURED}, {@code CAPTURE_AMOUNT_MISMATCH}, {@code AUTOMATIC_CAPTURE}, {@code DUPLICATE_PAYMENT}),
     *         or {@link AntomBusy} before anything was written
     */
    public Result<PaymentAttempt> capture(Command command) {
        boolean admitted = command.by() == AuditSource.WORKER ? budget.admitBackgroundCall(AntomApi.CAPTURE)
                : budget.admitMerchantCall(AntomApi.CAPTURE);
        if (!admitted) {
            return Result.refused(budget.busy(AntomApi.CAPTURE));
        }
        var newRequestId = ids.newCaptureRequestId();
        Result<CaptureRequest> requested = transactions.inTransaction(() -> {
            Optional<Order> order = orders.findByPaymentRequestId(command.attempt());
            if (order.isEmpty()) {
                return Result.refused(new PaymentNotFound(command.attempt()));
            }
            PaymentAttempt attempt = order.get().attempt(command.attempt()).orElseThrow();
            Money amount = command.amount() != null ? command.amount() : attempt.amount();
            Result<Capture> capture = order.get().requestCapture(command.attempt(), amount, newRequestId, command.by(),
                    clock.now());
            if (order.get().hasChanges()) {
                orders.save(order.get());
            }
            return capture.map(c -> new CaptureRequest(c.requestId(), attempt.paymentId(), c.amount()));
        });
        if (!requested.isAccepted()) {
            return Result.refused(requested.rejection());
        }
        CaptureRequest request = requested.value();
        GatewayOutcome<CaptureFact> answer = Gateway.call(budget, () -> gateway.capture(request));
        List<CaptureFact> facts = List.of();
        if (answer instanceof GatewayOutcome.Completed<CaptureFact> completed) {
            facts = List.of(completed.value());
        } else if (answer instanceof GatewayOutcome.Refused<CaptureFact> refused) {
            facts = List.of(new CaptureFailed(request.paymentId(), request.captureRequestId(), refused.code(),
                    refused.message()));
        }
        PaymentAttempt after = applier.applyAndRead(command.attempt(), FactSource.API_RESPONSE, facts);
        if (after.status() == AttemptStatus.CANCELLED) {
            // A cancel reached Antom first: the capture failed with it, and the caller learns that the payment is
            // cancelled rather than a capture's failure it could take for one to retry.
            return Result.refused(new NotAuthorized(after.id(), after.status()));
        }
        return Result.accepted(after);
    }


    /**
     * @param amount the amount to capture, {@code null} for the authorized amount (the only one accepted)
     * @param by     {@link AuditSource#MERCHANT} for the merchant API, {@link AuditSource#WORKER} for the capture guard
     */
    public record Command(PaymentRequestId attempt, Money amount, AuditSource by) {
        public Command {
            Objects.requireNonNull(attempt, "paymentRequestId");
            Objects.requireNonNull(by, "by");
        }

        public static Command byMerchant(PaymentRequestId attempt) {
            return new Command(attempt, null, AuditSource.MERCHANT);
        }
    }
}
