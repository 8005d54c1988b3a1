package org.payengine.simulator.hosted;

import java.math.BigDecimal;
import java.util.Currency;
import org.payengine.simulator.payments.CardDetails;
import org.payengine.simulator.payments.KoreanCardBrands;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.TestCards;

/**
 * The hosted page's HTML: plain server-rendered forms without scripts, with stable element ids
 * that browser tests rely on (see the module README).
 */
final class CheckoutPages {

    private CheckoutPages() {
    }

    /** The card form (with the saved-card choice or the Korean card companies when they apply). */
    static String form(Payment payment, CardDetails savedCard, String error) {
        Payment.Terms terms = payment.terms();
        StringBuilder html = new StringBuilder();
        header(html, payment, error);
        html.append("<form id=\"cardForm\" method=\"post\" action=\"/checkout/").append(escape(payment.paymentId())).append("\">\n");
        if (terms.issuerAuthentication()) {
            html.append("<label for=\"cardBrand\">Card company</label>\n<select id=\"cardBrand\" name=\"cardBrand\">\n");
            for (String brand : KoreanCardBrands.ALL) {
                html.append("<option value=\"").append(brand).append('"')
                        .append(brand.equals(terms.selectedCardBrand()) ? " selected" : "").append('>')
                        .append(brand).append("</option>\n");
            }
            html.append("</select>\n");
        } else if ("CARD".equals(terms.paymentMethodType())) {
            if (savedCard != null) {
                html.append("<fieldset><legend>Saved card</legend>\n")
                        .append("<label><input type=\"radio\" id=\"useSavedCard\" name=\"savedCard\" value=\"saved\" checked> ")
                        .append(escape(savedCard.brand())).append(" ending in <span id=\"savedCardLast4\">")
                        .append(escape(savedCard.maskedNumber().substring(savedCard.maskedNumber().length() - 4)))
                        .append("</span></label>\n")
                        .append("<label><input type=\"radio\" id=\"useNewCard\" name=\"savedCard\" value=\"new\"> Use another card</label>\n")
                        .append("</fieldset>\n");
            }
            html.append("""
                    <label for="cardNumber">Card number</label>
                    <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="off">
                    <label for="expiryMonth">Expiry month (MM)</label>
                    <input id="expiryMonth" name="expiryMonth" inputmode="numeric" maxlength="2" autocomplete="off">
                    <label for="expiryYear">Expiry year (YY)</label>
                    <input id="expiryYear" name="expiryYear" inputmode="numeric" maxlength="4" autocomplete="off">
                    <label for="cvv">CVV</label>
                    <input id="cvv" name="cvv" inputmode="numeric" maxlength="4" autocomplete="off">
                    <label for="holderName">Cardholder name</label>
                    <input id="holderName" name="holderName" autocomplete="off">
                    <label><input type="checkbox" id="saveCard" name="saveCard" value="true"> Save my card for future payments</label>
                    """);
        } else {
            html.append("<p>Pay with <span id=\"paymentMethodType\">").append(escape(terms.paymentMethodType()))
                    .append("</span>.</p>\n");
        }
        html.append("<button id=\"pay\" type=\"submit\">Pay</button>\n</form>\n");
        return footer(html);
    }

    /** The 3DS challenge, or the Korean card company's authentication. */
    static String challenge(Payment payment, String error) {
        StringBuilder html = new StringBuilder();
        header(html, payment, error);
        boolean korean = payment.terms().issuerAuthentication();
        html.append("<h2 id=\"challengeTitle\">").append(korean ? "Card company authentication" : "3D Secure verification")
                .append("</h2>\n<p>Enter the one-time code <code id=\"challengeHint\">").append(TestCards.CHALLENGE_CODE)
                .append("</code> to confirm this payment.</p>\n")
                .append("<form id=\"challengeForm\" method=\"post\" action=\"/checkout/").append(escape(payment.paymentId()))
                .append("/challenge\">\n<label for=\"challengeCode\">Code</label>\n")
                .append("<input id=\"challengeCode\" name=\"challengeCode\" inputmode=\"numeric\" autocomplete=\"off\">\n")
                .append("<button id=\"challengeSubmit\" type=\"submit\">Confirm</button>\n</form>\n");
        return footer(html);
    }

    /** The page once nothing more can be done: paid, failed, closed, cancelled or waiting for the issuer. */
    static String finished(Payment payment, String message) {
        StringBuilder html = new StringBuilder();
        header(html, payment, null);
        html.append("<p id=\"status\" data-status=\"").append(payment.status().name()).append("\">")
                .append(escape(message)).append("</p>\n<p><a id=\"continue\" href=\"")
                .append(escape(payment.terms().redirectUrl())).append("\">Return to the merchant</a></p>\n");
        return footer(html);
    }

    static String notFound(String paymentId) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
                + "<p id=\"status\" data-status=\"NOT_FOUND\">There is no payment " + escape(paymentId) + ".</p></body></html>";
    }

    static String logo(String name) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"50\" viewBox=\"0 0 80 50\">"
                + "<rect width=\"80\" height=\"50\" rx=\"6\" fill=\"#1a4fa0\"/>"
                + "<text x=\"40\" y=\"30\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#fff\" text-anchor=\"middle\">"
                + escape(name) + "</text></svg>";
    }

    private static void header(StringBuilder html, Payment payment, String error) {
        html.append("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Antom checkout (simulator)</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}label,input,select,button{display:block;margin:.3rem 0}
                #error{color:#a00}fieldset{border:1px solid #ccc}</style></head>
                <body><main>
                """);
        html.append("<h1>Pay <span id=\"amount\">").append(escape(display(payment))).append("</span></h1>\n")
                .append("<p>Order <span id=\"referenceOrderId\">").append(escape(payment.terms().referenceOrderId()))
                .append("</span></p>\n");
        if (error != null) {
            html.append("<p id=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
    }

    private static String footer(StringBuilder html) {
        return html.append("</main></body></html>\n").toString();
    }

    private static String display(Payment payment) {
        String currency = payment.terms().amount().currency();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return currency + " " + BigDecimal.valueOf(payment.terms().amount().value(), digits).toPlainString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
