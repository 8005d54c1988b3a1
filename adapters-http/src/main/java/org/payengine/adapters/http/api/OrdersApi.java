package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.adapters.http.transport.JsonFields;
import org.payengine.adapters.http.transport.JsonRequests;
import org.payengine.adapters.http.transport.RouteParameters;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderFilter;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.StartPayment;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.Result;
import org.payengine.domain.MerchantText;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * {@code POST /v1/orders}, {@code GET /v1/orders} (the listing), {@code GET /v1/orders/{referenceOrderId}} and
 * {@code POST /v1/orders/{referenceOrderId}/payments}: JSON mapped once to the use cases' commands, their
 * results to the contract's views.
 */
public final class OrdersApi {

    private static final Set<String> LISTING_PARAMETERS = Set.of("status", "createdFrom", "createdTo", "limit",
            "after");

    private final JsonRequests requests;
    private final CreateOrGetOrder createOrGetOrder;
    private final GetOrder getOrder;
    private final ListOrders listOrders;
    private final StartPayment startPayment;

    public OrdersApi(JsonRequests requests, CreateOrGetOrder createOrGetOrder, GetOrder getOrder, ListOrders listOrders,
                     StartPayment startPayment) {
        this.requests = requests;
        this.createOrGetOrder = createOrGetOrder;
        this.getOrder = getOrder;
        this.listOrders = listOrders;
        this.startPayment = startPayment;
    }

    /** 201 with a new order; 200 with the same order for the same body again; 409 {@code ORDER_CONFLICT}. */
    public void create(HttpServerExchange exchange) {
        JsonFields body = requests.object(exchange);
        ReferenceOrderId id = body.parsed("referenceOrderId", body.requiredText("referenceOrderId"), ReferenceOrderId::of);
        Money amount = amount(body.requiredObject("amount"));
        String description = body.parsed("description", body.optionalText("description"),
                text -> MerchantText.optional("description", text, OrderSnapshot.MAX_DESCRIPTION_LENGTH));
        Buyer buyer = buyer(body.optionalObject("buyer"));
        Result<CreateOrGetOrder.Created> result = createOrGetOrder.createOrGet(
                new CreateOrGetOrder.Command(id, amount, description, buyer, List.of()));
        if (!result.isAccepted()) {
            throw Rejections.asError(result.rejection());
        }
        CreateOrGetOrder.Created created = result.value();
        if (created.created()) {
            exchange.getResponseHeaders().put(Headers.LOCATION, "/v1/orders/" + RouteParameters.pathSegment(id.value()));
        }
        JsonAnswers.send(exchange, created.created() ? 201 : 200, Views.order(created.order()));
    }

    /**
     * {@code ?status=&createdFrom=&createdTo=&limit=&after=}: a page of orders, newest first, each as {@link #get}
     * answers it, and {@code next}, the cursor of the following page ({@code null} on the last one).
     */
    public void list(HttpServerExchange exchange) {
        ListingParameters parameters = ListingParameters.of(exchange, LISTING_PARAMETERS);
        ListOrders.Query query = new ListOrders.Query(
                new OrderFilter(parameters.statuses("status", OrderStatus.class), parameters.instant("createdFrom"),
                        parameters.instant("createdTo")),
                parameters.limit(), parameters.after(OrderCursor::ofToken));
        ListOrders.Page page = listOrders.list(query);
        List<Views.OrderView> orders = page.orders().stream()
                .flatMap(summary -> getOrder.get(summary.id()).stream())
                .map(Views::order)
                .toList();
        JsonAnswers.send(exchange, 200, new Views.OrderPage(orders, page.next().map(OrderCursor::token).orElse(null)));
    }

    public void get(HttpServerExchange exchange) {
        ReferenceOrderId id = RouteParameters.path(exchange, "referenceOrderId", ReferenceOrderId::of);
        OrderSnapshot order = getOrder.get(id)
                .orElseThrow(() -> HttpError.notFound("ORDER_NOT_FOUND", "There is no order " + id));
        JsonAnswers.send(exchange, 200, Views.order(order));
    }

    /** 201 with the new attempt and Antom's hosted page; 409 {@code ORDER_ALREADY_PAID} unless the order is open. */
    public void startPayment(HttpServerExchange exchange) {
        ReferenceOrderId id = RouteParameters.path(exchange, "referenceOrderId", ReferenceOrderId::of);
        PaymentOptions options = paymentOptions(requests.object(exchange));
        Result<PaymentAttempt> started = startPayment.start(new StartPayment.Command(id, options));
        if (!started.isAccepted()) {
            throw Rejections.asError(started.rejection());
        }
        PaymentAttempt attempt = started.value();
        exchange.getResponseHeaders().put(Headers.LOCATION,
                "/v1/payments/" + RouteParameters.pathSegment(attempt.id().value()));
        JsonAnswers.send(exchange, 201, Views.StartedPaymentView.of(attempt));
    }

    /** {@code {"currency","value"}}: an ISO 4217 code and the minor units, {@code "4200"} or {@code 4200}. */
    static Money amount(JsonFields amount) {
        String currency = amount.requiredText("currency");
        amount.parsed("currency", currency, Money::currency);
        String value = amount.optionalDigits("value");
        if (value == null) {
            throw HttpError.missingField(amount.pathOf("value"));
        }
        return amount.parsed("value", value, digits -> Money.fromAntom(currency, digits));
    }

    private static Buyer buyer(JsonFields buyer) {
        if (buyer == null) {
            return Buyer.ANONYMOUS;
        }
        ReferenceBuyerId id = buyer.parsed("referenceBuyerId", buyer.optionalText("referenceBuyerId"),
                ReferenceBuyerId::of);
        String email = buyer.optionalText("email");
        String phone = buyer.optionalText("phone");
        try {
            return new Buyer(id, null, email, phone);
        } catch (InvalidValueException refused) {
            throw HttpError.refused(refused.field(), refused);
        }
    }

    static PaymentOptions paymentOptions(JsonFields body) {
        CaptureMode captureMode = body.optionalEnum("captureMode", CaptureMode.class);
        String redirectUrl = body.parsed("redirectUrl", body.requiredText("redirectUrl"), OrdersApi::webAddress);
        TerminalType terminalType = body.requiredEnum("terminalType", TerminalType.class);
        String clientIp = body.optionalText("clientIp");
        Long expiresInSeconds = body.optionalWholeNumber("expiresInSeconds");
        Boolean threeDS = body.optionalBoolean("threeDS");
        Boolean saveCard = body.optionalBoolean("saveCard");
        CardToken cardToken = body.parsed("cardToken", body.optionalText("cardToken"), CardToken::of);
        String selectedCardBrand = body.optionalText("selectedCardBrand");
        Boolean issuerAuthentication = body.optionalBoolean("requireIssuerAuthentication");
        try {
            return PaymentOptions.hostedCard(redirectUrl, TerminalEnvironment.of(terminalType, clientIp))
                    .captureMode(captureMode)
                    .expiresIn(expiresInSeconds == null ? null : Duration.ofSeconds(expiresInSeconds))
                    .threeDS(threeDS)
                    .saveCard(Boolean.TRUE.equals(saveCard))
                    .storedCard(cardToken)
                    .selectedCardBrand(selectedCardBrand)
                    .requireIssuerAuthentication(Boolean.TRUE.equals(issuerAuthentication))
                    .build();
        } catch (InvalidValueException refused) {
            String field = refused.field().equals("expiresIn") ? "expiresInSeconds" : refused.field();
            throw HttpError.refused(field, refused);
        }
    }

    /** Antom sends the buyer back to this address: it must be an absolute http or https URL. */
    private static String webAddress(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("redirectUrl", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidValueException("redirectUrl", "must be an absolute http or https URL");
        }
        return MerchantText.required("redirectUrl", text, 2048);
    }
}
