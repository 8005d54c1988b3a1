package org.payengine.simulator.hosted;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.CardEntry;
import org.payengine.simulator.payments.Checkout;
import org.payengine.simulator.payments.CheckoutRefused;
import org.payengine.simulator.payments.CheckoutStage;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentStatus;

/**
 * The hosted card page at {@code normalUrl} ({@code /checkout/{paymentId}}): card form, then a
 * 3DS challenge or Korean issuer authentication when one applies
 * ({@code /checkout/{paymentId}/challenge}), then a 303 redirect to the merchant's
 * {@code paymentRedirectUrl}. Card numbers and CVVs pass through here and are never kept or logged.
 */
public final class HostedCheckout implements HttpHandler {

    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final Acquirer acquirer;
    private final Checkout checkout;

    public HostedCheckout(Acquirer acquirer, Checkout checkout) {
        this.acquirer = acquirer;
        this.checkout = checkout;
    }

    /** Whether a path belongs to the hosted page or its static assets. */
    public static boolean handles(String path) {
        return path.startsWith("/checkout/") || path.startsWith("/static/logos/");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        String path = exchange.getRequestPath();
        if (path.startsWith("/static/logos/") && path.endsWith(".svg")) {
            String name = path.substring("/static/logos/".length(), path.length() - ".svg".length());
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "image/svg+xml");
            exchange.getResponseSender().send(CheckoutPages.logo(name));
            return;
        }
        String[] parts = path.substring("/checkout/".length()).split("/");
        String paymentId = parts[0];
        boolean challengeStep = parts.length == 2 && "challenge".equals(parts[1]);
        if (parts.length > 2 || (parts.length == 2 && !challengeStep)) {
            html(exchange, 404, CheckoutPages.notFound(paymentId));
            return;
        }
        Optional<Payment> found = acquirer.payment(paymentId);
        if (found.isEmpty()) {
            html(exchange, 404, CheckoutPages.notFound(paymentId));
            return;
        }
        Payment payment = found.get();
        boolean post = "POST".equals(exchange.getRequestMethod().toString());
        if (!post) {
            show(exchange, payment, challengeStep, null);
            return;
        }
        Map<String, String> form = readForm(exchange);
        try {
            Checkout.Step step = challengeStep
                    ? checkout.answerChallenge(paymentId, form.getOrDefault("challengeCode", "").trim())
                    : checkout.submitCard(paymentId, entry(form));
            switch (step) {
                case CHALLENGE -> redirect(exchange, "/checkout/" + paymentId + "/challenge");
                case DECLINED -> show(exchange, payment, false, declined(payment));
                default -> redirect(exchange, payment.terms().redirectUrl());
            }
        } catch (CheckoutRefused refused) {
            if (refused.paymentClosed()) {
                show(exchange, payment, challengeStep, null);
            } else {
                show(exchange, payment, challengeStep, refused.getMessage());
            }
        }
    }

    private void show(HttpServerExchange exchange, Payment payment, boolean challengeStep, String error) {
        String page;
        synchronized (payment) {
            if (payment.status() == PaymentStatus.PROCESSING && payment.stage() == CheckoutStage.AWAITING_CHALLENGE) {
                page = CheckoutPages.challenge(payment, error);
            } else if (payment.status() == PaymentStatus.PROCESSING && payment.stage() == CheckoutStage.AWAITING_BUYER) {
                page = CheckoutPages.form(payment, acquirer.savedCard(payment).orElse(null), error);
            } else {
                page = CheckoutPages.finished(payment, finishedMessage(payment));
            }
        }
        html(exchange, 200, page);
    }

    /** After a decline, when the buyer may try another card until the payment closes. */
    private static String declined(Payment payment) {
        synchronized (payment) {
            return "Your card was declined (" + payment.lastDecline().resultCode() + "). Try another card.";
        }
    }

    private static String finishedMessage(Payment payment) {
        return switch (payment.status()) {
            case SUCCESS -> "Payment successful.";
            case FAIL -> "ORDER_IS_CLOSED".equals(payment.paymentResult().resultCode())
                    ? "This payment has expired." : "Payment failed: " + payment.paymentResult().resultMessage();
            case CANCELLED -> "This payment was cancelled.";
            case PROCESSING -> payment.stage() == CheckoutStage.ISSUER_PROCESSING
                    ? "Your payment is being processed." : "There is nothing to confirm for this payment.";
        };
    }

    private static CardEntry entry(Map<String, String> form) {
        return new CardEntry(form.get("cardNumber"), form.get("expiryMonth"), form.get("expiryYear"), form.get("cvv"),
                form.get("holderName"), "true".equals(form.get("saveCard")) || "on".equals(form.get("saveCard")),
                "saved".equals(form.get("savedCard")), form.get("cardBrand"));
    }

    private static Map<String, String> readForm(HttpServerExchange exchange) throws IOException {
        byte[] bytes = exchange.getInputStream().readNBytes(MAX_FORM_BYTES);
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }

    private static void html(HttpServerExchange exchange, int status, String page) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
    }
}
