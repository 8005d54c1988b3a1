package org.payengine.adapters.http.demo;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.Json;
import org.payengine.adapters.http.transport.JsonFields;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.adapters.http.transport.RouteParameters;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.UseCases;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;
import org.payengine.domain.Rejection;
import org.payengine.domain.Result;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shop in front of the engine, to see a checkout through Antom's hosted card page end to end. It is a
 * merchant application like any other, except that it runs inside the engine and calls the use cases directly,
 * so no API key ever reaches the browser. Its form endpoints exist only when the demo pages are enabled; a
 * form posted from another site is refused (its {@code Origin} must be this server's).
 *
 * <p>Pages: {@code GET /demo} (the shop), {@code GET /demo/result?order=…} (Antom's redirect target),
 * {@code GET /demo/orders[?after=<cursor>]} (every order the engine stores, newest first, a page at a time); the result
 * page's poll {@code GET /demo/orders/{referenceOrderId}/outcome}. Forms: {@code POST /demo/checkout},
 * {@code POST /demo/orders/{referenceOrderId}/retry},
 * {@code POST /demo/payments/{paymentRequestId}/capture}, {@code …/cancel} and {@code …/refund}.
 */
public final class DemoShop {

    /** The one buyer of the demo; saved cards are hers. */
    static final ReferenceBuyerId BUYER = ReferenceBuyerId.of("demo-buyer");

    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each shown in full, with its audit trail: a page of them is a few dozen reads. */
    public static final int ORDERS_PER_PAGE = 20;

    private final String baseUrl;
    private final BoundedBody bodies;
    private final UseCases engine;
    private final AuditLog auditLog;
    private final CardTokens cardTokens;

    /** @param baseUrl the engine's public base URL, without a trailing slash: Antom sends the buyer back under it */
    public DemoShop(String baseUrl, BoundedBody bodies, UseCases engine, AuditLog auditLog, CardTokens cardTokens) {
        this.baseUrl = baseUrl;
        this.bodies = bodies;
        this.engine = engine;
        this.auditLog = auditLog;
        this.cardTokens = cardTokens;
    }

    public void shop(HttpServerExchange exchange) {
        Html.send(exchange, 200, ShopPage.render(RouteParameters.query(exchange, "notice"), savedCard().orElse(null)));
    }

    /** Creates the order and its first attempt, then sends the browser to Antom's hosted page. */
    public void checkout(HttpServerExchange exchange) {
        requireSameOrigin(exchange);
        FormFields form = FormFields.read(exchange, bodies);
        ReferenceOrderId orderId = ReferenceOrderId.of("demo-" + randomLetters());
        PaymentOptions options;
        Money amount;
        String item = form.get("item") == null ? ShopPage.ITEM : form.get("item");
        int quantity;
        try {
            quantity = quantity(form.get("quantity"));
            amount = amount(form.get("amount"), form.get("currency")).times(quantity);
            options = options(exchange, orderId, form);
            item = MerchantText.required("item", item.length() > 100 ? item.substring(0, 100) : item, 100);
        } catch (InvalidValueException invalid) {
            Html.send(exchange, 422, ShopPage.render("Please check the " + invalid.field() + ": " + invalid.reason(),
                    savedCard().orElse(null)));
            return;
        }
        Result<CreateOrGetOrder.Created> created = engine.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(
                orderId, amount, quantity == 1 ? item : item + " × " + quantity, Buyer.withId(BUYER.value()),
                List.of()));
        if (!created.isAccepted()) {
            refuse(created.rejection());
        }
        pay(exchange, orderId, options);
    }

    /**
     * Antom's redirect lands here: the page shows what the engine learns from Antom, not what the redirect says. The
     * engine asks Antom once, now (the buyer is back, so a result is due); the page then only reads ({@link #outcome}).
     */
    public void result(HttpServerExchange exchange) {
        String order = RouteParameters.query(exchange, "order");
        if (order == null) {
            throw new HttpError(400, "MISSING_ORDER", "The result page needs ?order=<referenceOrderId>", "order");
        }
        OrderSnapshot snapshot = settle(JsonFields.parsedAs("order", order, ReferenceOrderId::of));
        Html.send(exchange, 200, ResultPage.render(snapshot, Outcome.of(snapshot)));
    }

    /**
     * The result page's poll: the order's outcome as the engine stores it, in the buyer's words. It only reads: the
     * engine asked Antom when the buyer landed, and the notification, or the workers' inquiries, settle the rest.
     */
    public void outcome(HttpServerExchange exchange) {
        OrderSnapshot order = order(RouteParameters.path(exchange, "referenceOrderId", ReferenceOrderId::of));
        Outcome outcome = Outcome.of(order);
        BuyerWords words = BuyerWords.of(order, outcome);
        var answer = Json.newObject();
        answer.put("referenceOrderId", order.id().value());
        answer.put("orderStatus", order.status().name());
        answer.put("outcome", outcome.name());
        answer.put("headline", words.headline());
        answer.put("advice", words.advice());
        JsonAnswers.send(exchange, 200, answer);
    }

    /** Pays again for the same order: a new attempt with a new payment request id, the same options as the last. */
    public void retry(HttpServerExchange exchange) {
        requireSameOrigin(exchange);
        ReferenceOrderId orderId = RouteParameters.path(exchange, "referenceOrderId", ReferenceOrderId::of);
        OrderSnapshot order = order(orderId);
        PaymentAttempt latest = Outcome.latestAttempt(order);
        if (Outcome.of(order) != Outcome.FAILED || latest == null) {
            // paid, closed or still processing: the result page says which, and nobody pays twice
            Html.seeOther(exchange, resultPath(orderId));
            return;
        }
        pay(exchange, orderId, latest.options());
    }

    /** A page of the engine's orders, newest first, each in full; {@code ?after=<cursor>} for the older ones. */
    public void orders(HttpServerExchange exchange) {
        String after = RouteParameters.query(exchange, "after");
        ListOrders.Page page = engine.listOrders().list(new ListOrders.Query(ORDERS_PER_PAGE,
                after == null ? null : OrderCursor.ofToken(after)));
        List<OrdersPage.Row> rows = page.orders().stream()
                .map(summary -> engine.getOrder().get(summary.id())
                        .map(order -> new OrdersPage.Row(order, auditLog.entriesFor(summary.id()))))
                .flatMap(Optional::stream).toList();
        String olderPage = page.next()
                .map(next -> "/demo/orders?after=" + URLEncoder.encode(next.token(), StandardCharsets.UTF_8))
                .orElse(null);
        Html.send(exchange, 200, OrdersPage.render(page.orders(), rows, olderPage, after == null,
                RouteParameters.query(exchange, "notice")));
    }

    public void capture(HttpServerExchange exchange) {
        requireSameOrigin(exchange);
        PaymentRequestId id = RouteParameters.path(exchange, "paymentRequestId", PaymentRequestId::of);
        Result<PaymentAttempt> captured = engine.capturePayment().capture(CapturePayment.Command.byMerchant(id));
        backToOrders(exchange, captured.isAccepted()
                ? "Capture of " + id + ": " + captured.value().capture().status()
                : "Capture of " + id + " refused: " + captured.rejection().message());
    }

    public void cancel(HttpServerExchange exchange) {
        requireSameOrigin(exchange);
        PaymentRequestId id = RouteParameters.path(exchange, "paymentRequestId", PaymentRequestId::of);
        Result<PaymentAttempt> cancelled = engine.cancelPayment().cancel(id);
        backToOrders(exchange, cancelled.isAccepted()
                ? "Payment " + id + " is " + cancelled.value().status()
                : "Cancel of " + id + " refused: " + cancelled.rejection().message());
    }

    /** Refunds the amount typed (major units, in the payment's currency), as the merchant API would. */
    public void refund(HttpServerExchange exchange) {
        requireSameOrigin(exchange);
        PaymentRequestId id = RouteParameters.path(exchange, "paymentRequestId", PaymentRequestId::of);
        FormFields form = FormFields.read(exchange, bodies);
        Money amount;
        try {
            amount = amount(form.get("amount"), form.get("currency"));
        } catch (InvalidValueException invalid) {
            backToOrders(exchange, "Refund of " + id + " refused: the " + invalid.field() + " " + invalid.reason());
            return;
        }
        Result<RefundPayment.Refunded> refunded = engine.refundPayment().refund(
                RefundPayment.Command.byMerchant(id, amount, "refund from the orders console"));
        backToOrders(exchange, refunded.isAccepted()
                ? "Refund of " + amount + " on " + id + ": " + refunded.value().refund().status()
                : "Refund of " + id + " refused: " + refunded.rejection().message());
    }

    /**
     * The demo's pages and forms answer their errors as HTML; nothing a buyer typed is logged.
     */
    public static HttpHandler pageErrors(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handleRequest(exchange);
            } catch (HttpError error) {
                Html.send(exchange, error.status(), Html.page("Sorry", Html.notice(error.getMessage())));
            } catch (InvalidValueException invalid) {
                Html.send(exchange, 422, Html.page("Sorry", Html.notice(invalid.getMessage())));
            } catch (StoreUnavailableException unavailable) {
                log.warn("Demo page: the store is unavailable: {}", unavailable.getMessage());
                Html.send(exchange, 503, Html.page("Sorry", Html.notice(
                        "The shop cannot reach its database right now; please try again in a moment.")));
            }
        };
    }

    private void pay(HttpServerExchange exchange, ReferenceOrderId orderId, PaymentOptions options) {
        Result<PaymentAttempt> started = engine.startPayment().start(new StartPayment.Command(orderId, options));
        if (!started.isAccepted()) {
            Html.seeOther(exchange, resultPath(orderId));
            return;
        }
        PaymentAttempt attempt = started.value();
        boolean onHostedPage = attempt.redirectUrl() != null && attempt.status().isAwaitingResult();
        Html.seeOther(exchange, onHostedPage ? attempt.redirectUrl() : resultPath(orderId));
    }

    private PaymentOptions options(HttpServerExchange exchange, ReferenceOrderId orderId, FormFields form) {
        CaptureMode captureMode = "MANUAL".equals(form.get("captureMode")) ? CaptureMode.MANUAL : CaptureMode.AUTOMATIC;
        CardToken savedCard = null;
        if (form.get("useSavedCard") != null) {
            savedCard = cardTokens.find(BUYER, CardToken.of(form.get("useSavedCard")))
                    .map(StoredCard::token)
                    .orElseThrow(() -> new InvalidValueException("saved card", "is not one of your saved cards"));
        }
        return PaymentOptions.hostedCard(baseUrl + resultPath(orderId),
                        TerminalEnvironment.of(TerminalType.WEB, clientIp(exchange)))
                .captureMode(captureMode)
                .threeDS(form.checked("threeDS") ? Boolean.TRUE : null)
                .saveCard(savedCard == null && form.checked("saveCard"))
                .storedCard(savedCard)
                .build();
    }

    /** How many of the item are in the cart: 1 when not said. */
    static int quantity(String typed) {
        if (typed == null) {
            return 1;
        }
        if (!typed.matches("[0-9]{1,2}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > ShopPage.MAX_QUANTITY) {
            throw new InvalidValueException("quantity", "must be from 1 to " + ShopPage.MAX_QUANTITY);
        }
        return Integer.parseInt(typed);
    }

    /** The amount typed in major units ({@code 42.00}), in the currency's minor units; never a floating point. */
    static Money amount(String typed, String currencyCode) {
        var currency = Money.currency(currencyCode == null ? "SGD" : currencyCode);
        if (typed == null) {
            throw new InvalidValueException("amount", "is required");
        }
        BigDecimal major;
        try {
            major = new BigDecimal(typed.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "must be a number such as 42.00");
        }
        BigDecimal minor = major.movePointRight(Money.exponentOf(currency));
        if (minor.signum() <= 0 || minor.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException("amount", "must be positive, with at most "
                    + Money.exponentOf(currency) + " decimals in " + currency.getCurrencyCode());
        }
        try {
            return new Money(currency, minor.longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new InvalidValueException("amount", "is too large");
        }
    }

    private Optional<StoredCard> savedCard() {
        return cardTokens.findByBuyer(BUYER).stream().findFirst();
    }

    /** Asks Antom about the latest attempt when its result is still due, then reads the order as it stands. */
    private OrderSnapshot settle(ReferenceOrderId orderId) {
        PaymentAttempt latest = Outcome.latestAttempt(order(orderId));
        if (latest != null && latest.status().isAwaitingResult()) {
            Result<SyncPayment.Synced> synced = engine.syncPayment().sync(latest.id());
            if (synced.isAccepted()) {
                log.debug("Result page asked Antom about {}: {}", latest.id(), synced.value().detail());
            }
        }
        return order(orderId);
    }

    private OrderSnapshot order(ReferenceOrderId orderId) {
        return engine.getOrder().get(orderId).orElseThrow(() -> HttpError.notFound("ORDER_NOT_FOUND", "There is no order " + orderId));
    }

    private static void refuse(Rejection rejection) {
        throw new HttpError(409, rejection.code(), rejection.message(), null);
    }

    private static void backToOrders(HttpServerExchange exchange, String notice) {
        Html.seeOther(exchange, "/demo/orders?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8));
    }

    private static String resultPath(ReferenceOrderId orderId) {
        return "/demo/result?order=" + URLEncoder.encode(orderId.value(), StandardCharsets.UTF_8);
    }

    private static String clientIp(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        return source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
    }

    /**
     * Refuses a form posted from another site (cross-site request forgery): a browser names the page's origin in
     * {@code Origin}, which must be this server as the browser reached it.
     */
    private static void requireSameOrigin(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null) {
            return;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        URI originUri;
        try {
            originUri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new HttpError(403, "FOREIGN_ORIGIN", "This form may only be sent from the demo's own pages", null);
        }
        String originHost = originUri.getPort() == -1 ? originUri.getHost() : originUri.getHost() + ":" + originUri.getPort();
        if (host == null || !host.equalsIgnoreCase(originHost)) {
            throw new HttpError(403, "FOREIGN_ORIGIN", "This form may only be sent from the demo's own pages", null);
        }
    }

    /**
     * Twelve random letters (56 bits): letters only, because an order id with a long run of digits could pass for a
     * card number and be refused.
     */
    private static String randomLetters() {
        StringBuilder letters = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }
}
