package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.adapters.http.transport.JsonFields;
import org.payengine.adapters.http.transport.JsonRequests;
import org.payengine.adapters.http.transport.RouteParameters;
import org.payengine.application.usecase.GetRefund;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.domain.MerchantText;
import org.payengine.domain.Result;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/** {@code POST /v1/payments/{paymentRequestId}/refunds} and {@code GET /v1/refunds/{refundRequestId}}. */
public final class RefundsApi {

    /** Antom's {@code refundReason} holds at most 256 characters. */
    private static final int MAX_REASON_LENGTH = 256;

    private final JsonRequests requests;
    private final RefundPayment refundPayment;
    private final GetRefund getRefund;

    public RefundsApi(JsonRequests requests, RefundPayment refundPayment, GetRefund getRefund) {
        this.requests = requests;
        this.refundPayment = refundPayment;
        this.getRefund = getRefund;
    }

    /**
     * {@code {"amount":{"currency","value"},"reason"?}}: 201 with the new refund as Antom answered it ({@code SUCCEEDED},
     * {@code PROCESSING}, {@code FAILED}, or {@code REQUESTED} without a definite answer: the engine settles it). Each
     * request is a new refund; a client that retries sends the same {@code Idempotency-Key} and gets the first answer
     * again. 409 {@code NOT_CAPTURED}; 422 {@code REFUND_EXCEEDS_CAPTURED} on {@code amount.value}, another currency
     * than the payment's on {@code amount.currency}.
     */
    public void create(HttpServerExchange exchange) {
        PaymentRequestId id = RouteParameters.path(exchange, "paymentRequestId", PaymentRequestId::of);
        JsonFields body = requests.object(exchange);
        Money amount = OrdersApi.amount(body.requiredObject("amount"));
        String reason = body.parsed("reason", body.optionalText("reason"),
                text -> MerchantText.optional("reason", text, MAX_REASON_LENGTH));
        Result<RefundPayment.Refunded> refunded = refundPayment.refund(
                RefundPayment.Command.byMerchant(id, amount, reason));
        if (!refunded.isAccepted()) {
            throw Rejections.asError(refunded.rejection());
        }
        RefundPayment.Refunded refund = refunded.value();
        exchange.getResponseHeaders().put(Headers.LOCATION,
                "/v1/refunds/" + RouteParameters.pathSegment(refund.refund().requestId().value()));
        JsonAnswers.send(exchange, 201, Views.RefundView.of(refund.attempt(), refund.refund()));
    }

    public void get(HttpServerExchange exchange) {
        RefundRequestId id = RouteParameters.path(exchange, "refundRequestId", RefundRequestId::of);
        RefundPayment.Refunded refund = getRefund.get(id)
                .orElseThrow(() -> HttpError.notFound("REFUND_NOT_FOUND", "There is no refund " + id));
        JsonAnswers.send(exchange, 200, Views.RefundView.of(refund.attempt(), refund.refund()));
    }
}
