package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.Objects;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;
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

    private final Orders orders;
    private final PaymentGateway gateway;
    private final IdGenerator ids;
    private final Clock clock;
    private final GatewayOperation operation;

    @Inject
    public CapturePayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                          IdGenerator ids, Clock clock, CallBudget budget) {
        this.orders = orders;
        this.gateway = gateway;
        this.ids = ids;
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
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
        CaptureRequestId newRequestId = ids.newCaptureRequestId();
        Result<PaymentAttempt> captured = operation.call(AntomApi.CAPTURE, command.by(), operation.onOrder(
                        () -> orders.findByPaymentRequestId(command.attempt()), new PaymentNotFound(command.attempt()),
                        order -> requestCapture(order, command, newRequestId)))
                .send(gateway::capture)
                .applyAndRead(command.attempt(), OutcomeFacts.<CaptureRequest, CaptureFact>answerIsTheFact()
                        .whenRefused((request, refused) -> new CaptureFailed(request.paymentId(),
                                request.captureRequestId(), refused.code(), refused.message())));
        if (captured.isAccepted() && captured.value().status() == AttemptStatus.CANCELLED) {
            // A cancel reached Antom first: the capture failed with it, and the caller learns that the payment is
            // cancelled rather than a capture's failure it could take for one to retry.
            return Result.refused(new NotAuthorized(captured.value().id(), captured.value().status()));
        }
        return captured;
    }

    /** Writes the capture {@code REQUESTED} (a new capture request id only if the attempt has no capture yet). */
    private Result<CaptureRequest> requestCapture(Order order, Command command, CaptureRequestId newRequestId) {
        PaymentAttempt attempt = order.attempt(command.attempt()).orElseThrow();
        Money amount = command.amount() != null ? command.amount() : attempt.amount();
        return order.requestCapture(command.attempt(), amount, newRequestId, command.by(), clock.now())
                .map(capture -> new CaptureRequest(capture.requestId(), attempt.paymentId(), capture.amount()));
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
