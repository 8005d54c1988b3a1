package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.adapters.http.transport.JsonFields;
import org.payengine.adapters.http.transport.JsonRequests;
import org.payengine.adapters.http.transport.RouteParameters;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.PaymentCursor;
import org.payengine.application.port.PaymentFilter;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.ListPayments;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.domain.Result;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.TerminalType;

/**
 * {@code GET /v1/payments} (the listing), {@code /v1/payments/{paymentRequestId}} (read, capture, cancel, sync) and
 * {@code GET /v1/payment-methods}.
 */
public final class PaymentsApi {

    /** Refusals that mean "already done" to a retry: answered with the state reached, not as a conflict. */
    private static final String ALREADY_CAPTURED = "ALREADY_CAPTURED";
    private static final String ALREADY_FINAL = "PAYMENT_ALREADY_FINAL";
    private static final Set<String> LISTING_PARAMETERS = Set.of("status", "needsReview", "createdFrom", "createdTo",
            "limit", "after");

    private final JsonRequests requests;
    private final GetPayment getPayment;
    private final ListPayments listPayments;
    private final CapturePayment capturePayment;
    private final CancelPayment cancelPayment;
    private final SyncPayment syncPayment;
    private final ListPaymentMethods listPaymentMethods;

    public PaymentsApi(JsonRequests requests, GetPayment getPayment, ListPayments listPayments,
                       CapturePayment capturePayment, CancelPayment cancelPayment, SyncPayment syncPayment,
                       ListPaymentMethods listPaymentMethods) {
        this.requests = requests;
        this.getPayment = getPayment;
        this.listPayments = listPayments;
        this.capturePayment = capturePayment;
        this.cancelPayment = cancelPayment;
        this.syncPayment = syncPayment;
        this.listPaymentMethods = listPaymentMethods;
    }

    /**
     * {@code ?status=&needsReview=&createdFrom=&createdTo=&limit=&after=}: a page of payment attempts of every order,
     * newest first, each as {@link #get} answers it, and {@code next}, the cursor of the following page.
     */
    public void list(HttpServerExchange exchange) {
        ListingParameters parameters = ListingParameters.of(exchange, LISTING_PARAMETERS);
        ListPayments.Query query = new ListPayments.Query(
                new PaymentFilter(parameters.statuses("status", AttemptStatus.class), parameters.flag("needsReview"),
                        parameters.instant("createdFrom"), parameters.instant("createdTo")),
                parameters.limit(), parameters.after(PaymentCursor::ofToken));
        ListPayments.Page page = listPayments.list(query);
        List<Views.PaymentView> payments = page.payments().stream()
                .flatMap(summary -> getPayment.get(summary.id()).stream())
                .map(Views::payment)
                .toList();
        JsonAnswers.send(exchange, 200, new Views.PaymentPage(payments,
                page.next().map(PaymentCursor::token).orElse(null)));
    }

    public void get(HttpServerExchange exchange) {
        PaymentRequestId id = paymentRequestId(exchange);
        PaymentAttempt attempt = getPayment.get(id)
                .orElseThrow(() -> HttpError.notFound("PAYMENT_NOT_FOUND", "There is no payment attempt " + id));
        JsonAnswers.send(exchange, 200, Views.payment(attempt));
    }

    /**
     * 202 with the capture, also while an earlier one is unresolved (the same capture request id is sent again);
     * 200 with the capture as it is when the payment is captured already (a retry finds what it asked for); 409
     * only when capturing contradicts the payment (cancelled, failed, not yet authorized, past the window).
     */
    public void capture(HttpServerExchange exchange) {
        PaymentRequestId id = paymentRequestId(exchange);
        requests.ignoredObject(exchange);
        Result<PaymentAttempt> captured = capturePayment.capture(CapturePayment.Command.byMerchant(id));
        if (!captured.isAccepted() && captured.rejection().code().equals(ALREADY_CAPTURED)) {
            JsonAnswers.send(exchange, 200, Views.CapturedView.of(current(id)));
            return;
        }
        JsonAnswers.send(exchange, 202, Views.CapturedView.of(accepted(captured)));
    }

    /**
     * 202 with the attempt: {@code CANCELLED} once Antom confirmed, unchanged when Antom gave no definite answer; 200
     * with the attempt as it is when it is cancelled or failed already (no funds are held either way); 409 when
     * cancelling contradicts it (captured: its funds are taken, and given back by a refund).
     */
    public void cancel(HttpServerExchange exchange) {
        PaymentRequestId id = paymentRequestId(exchange);
        requests.ignoredObject(exchange);
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(id);
        if (!cancelled.isAccepted() && cancelled.rejection().code().equals(ALREADY_FINAL)) {
            PaymentAttempt current = current(id);
            if (current.status() == AttemptStatus.CANCELLED || current.status() == AttemptStatus.FAILED) {
                JsonAnswers.send(exchange, 200, Views.payment(current));
                return;
            }
        }
        JsonAnswers.send(exchange, 202, Views.payment(accepted(cancelled)));
    }

    /** Inquires Antom now and answers the attempt as it stands after Antom's answer was applied. */
    public void sync(HttpServerExchange exchange) {
        PaymentRequestId id = paymentRequestId(exchange);
        requests.ignoredObject(exchange);
        SyncPayment.Synced synced = accepted(syncPayment.sync(id));
        JsonAnswers.send(exchange, 200, Views.payment(synced.attempt()));
    }

    /** {@code ?currency=SGD&terminalType=WEB} (terminal type WEB when absent): Antom's consult result. */
    public void paymentMethods(HttpServerExchange exchange) {
        String currencyCode = RouteParameters.query(exchange, "currency");
        if (currencyCode == null) {
            throw HttpError.missingField("currency");
        }
        var currency = JsonFields.parsedAs("currency", currencyCode, Money::currency);
        String terminal = RouteParameters.query(exchange, "terminalType");
        TerminalType terminalType = terminal == null ? TerminalType.WEB : terminalType(terminal);
        List<PaymentMethodOption> options = accepted(
                listPaymentMethods.list(new ConsultRequest(currency, null, terminalType, null)));
        JsonAnswers.send(exchange, 200, Map.of("paymentOptions", options.stream().map(PaymentsApi::option).toList()));
    }

    private PaymentAttempt current(PaymentRequestId id) {
        return getPayment.get(id)
                .orElseThrow(() -> HttpError.notFound("PAYMENT_NOT_FOUND", "There is no payment attempt " + id));
    }

    private static PaymentRequestId paymentRequestId(HttpServerExchange exchange) {
        return RouteParameters.path(exchange, "paymentRequestId", PaymentRequestId::of);
    }

    private static TerminalType terminalType(String text) {
        for (TerminalType type : TerminalType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        throw HttpError.invalidValue("terminalType", "must be one of WEB, WAP, APP");
    }

    private static <T> T accepted(Result<T> result) {
        if (!result.isAccepted()) {
            throw Rejections.asError(result.rejection());
        }
        return result.value();
    }

    /** One option with Antom's consult names. */
    record PaymentOptionView(String paymentMethodType, String paymentMethodCategory, boolean enabled,
                             boolean preferred, String disableReason, Logo logo, List<String> paymentMethodRegion,
                             List<String> supportedCurrencies, List<String> cardBrands) {
    }

    record Logo(String logoName, String logoUrl) {
    }

    private static PaymentOptionView option(PaymentMethodOption option) {
        Logo logo = option.logoName() == null && option.logoUrl() == null ? null
                : new Logo(option.logoName(), option.logoUrl());
        return new PaymentOptionView(option.paymentMethodType(), option.category(), option.enabled(),
                option.preferred(), option.disableReason(), logo, option.regions(), option.supportedCurrencies(),
                option.cardBrands());
    }
}
