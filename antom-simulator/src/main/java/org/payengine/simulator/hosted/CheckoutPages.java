package org.payengine.simulator.hosted;

import java.math.BigDecimal;
import java.util.Currency;
import org.payengine.simulator.payments.CardDetails;
import org.payengine.simulator.payments.KoreanCardBrands;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.TestCard;
import org.payengine.simulator.payments.TestCards;

/**
 * The hosted page's HTML: server-rendered forms that work without scripts, with stable element ids that browser
 * tests rely on (see the module README). A small script formats the card number as it is typed and shows its brand;
 * the sandbox's test cards are listed beside the card form.
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
                    <div class="card-number">
                      <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="off" maxlength="23"
                             placeholder="1234 5678 9012 3456" aria-describedby="cardBrandBadge">
                      <span id="cardBrandBadge" class="brand" data-brand="">Card</span>
                    </div>
                    <div class="row">
                      <div><label for="expiryMonth">Expiry month</label>
                        <input id="expiryMonth" name="expiryMonth" inputmode="numeric" maxlength="2" autocomplete="off" placeholder="MM"></div>
                      <div><label for="expiryYear">Expiry year</label>
                        <input id="expiryYear" name="expiryYear" inputmode="numeric" maxlength="4" autocomplete="off" placeholder="YY"></div>
                      <div><label for="cvv">Security code</label>
                        <input id="cvv" name="cvv" inputmode="numeric" maxlength="4" autocomplete="off" placeholder="CVV"></div>
                    </div>
                    <label for="holderName">Name on card</label>
                    <input id="holderName" name="holderName" autocomplete="off" placeholder="As printed on the card">
                    <label class="check"><input type="checkbox" id="saveCard" name="saveCard" value="true"> Save my card for future payments</label>
                    """);
        } else {
            html.append("<p>Pay with <span id=\"paymentMethodType\">").append(escape(terms.paymentMethodType()))
                    .append("</span>.</p>\n");
        }
        html.append("<button id=\"pay\" type=\"submit\">Pay ").append(escape(display(payment)))
                .append("</button>\n</form>\n<p class=\"secure\">Secured by Antom: your card details go to Antom only, never to the shop.</p>\n");
        html.append(CARD_SCRIPT);
        return footer(html, testCards(terms));
    }

    /**
     * The sandbox's test cards beside the form, each a button that fills the number in: what a developer trying the
     * demo needs at hand. Only on card forms (not for Korean card companies or other methods).
     */
    private static String testCards(Payment.Terms terms) {
        if (terms.issuerAuthentication() || !"CARD".equals(terms.paymentMethodType())) {
            return "";
        }
        StringBuilder list = new StringBuilder("<aside id=\"testCards\" class=\"panel\"><h2>Test cards</h2>\n"
                + "<p>Sandbox only: any expiry in the future, any 3-digit security code. Click one to use it.</p><ul>\n");
        for (TestCard card : TestCards.ALL) {
            list.append("<li><button type=\"button\" class=\"test-card\" data-number=\"").append(card.number())
                    .append("\"><span class=\"number\">").append(grouped(card.number())).append("</span> <span class=\"brand\" data-brand=\"")
                    .append(escape(card.brand())).append("\">").append(escape(brandName(card.brand()))).append("</span></button>")
                    .append("<span class=\"what\">").append(escape(card.description())).append("</span></li>\n");
        }
        return list.append("</ul></aside>\n").toString();
    }

    private static String grouped(String number) {
        return number.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String brandName(String brand) {
        return switch (brand) {
            case "VISA" -> "Visa";
            case "MASTERCARD" -> "Mastercard";
            case "AMEX" -> "American Express";
            case "CUP" -> "UnionPay";
            default -> brand.charAt(0) + brand.substring(1).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * Formats the card number as it is typed (groups of four; American Express 4-6-5) and shows the brand its prefix
     * implies; the server strips the spaces. A test card button fills the number in.
     */
    private static final String CARD_SCRIPT = """
            <script>
            (function () {
              var input = document.getElementById('cardNumber');
              var badge = document.getElementById('cardBrandBadge');
              if (!input) { return; }
              var brands = [[/^3[47]/, 'AMEX', 'American Express'], [/^4/, 'VISA', 'Visa'],
                            [/^(5[1-5]|2[2-7])/, 'MASTERCARD', 'Mastercard'], [/^35/, 'JCB', 'JCB'],
                            [/^62/, 'CUP', 'UnionPay']];
              function brandOf(digits) {
                for (var i = 0; i < brands.length; i++) { if (brands[i][0].test(digits)) { return brands[i]; } }
                return null;
              }
              function format() {
                var digits = input.value.replace(/\\D/g, '').slice(0, 19);
                var brand = brandOf(digits);
                var groups = brand && brand[1] === 'AMEX' ? [4, 6, 5] : [4, 4, 4, 4, 3];
                var parts = [], at = 0;
                for (var g = 0; g < groups.length && at < digits.length; g++) {
                  parts.push(digits.slice(at, at + groups[g])); at += groups[g];
                }
                input.value = parts.join(' ');
                badge.dataset.brand = brand ? brand[1] : '';
                badge.textContent = brand ? brand[2] : 'Card';
              }
              input.addEventListener('input', format);
              // the test cards stand after this script, beside the form: one listener for all of them
              document.addEventListener('click', function (event) {
                var button = event.target.closest ? event.target.closest('.test-card') : null;
                if (button) { input.value = button.dataset.number; format(); input.focus(); }
              });
            })();
            </script>
            """;

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
        return footer(html, "");
    }

    /** The page once nothing more can be done: paid, failed, closed, cancelled or waiting for the issuer. */
    static String finished(Payment payment, String message) {
        StringBuilder html = new StringBuilder();
        header(html, payment, null);
        html.append("<p id=\"status\" data-status=\"").append(payment.status().name()).append("\">")
                .append(escape(message)).append("</p>\n<p><a id=\"continue\" href=\"")
                .append(escape(payment.terms().redirectUrl())).append("\" class=\"button\">Return to the merchant</a></p>\n");
        return footer(html, "");
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
                <title>Checkout · Antom (simulator)</title>
                <style>""").append(STYLE).append("""
                </style></head>
                <body><div class="layout"><main class="checkout">
                <div class="brandbar"><span class="antom">Antom</span><span class="sandbox">Sandbox · simulated</span></div>
                """);
        html.append("<p class=\"merchant\">Order <span id=\"referenceOrderId\">")
                .append(escape(payment.terms().referenceOrderId())).append("</span></p>\n")
                .append("<h1><span class=\"label\">Amount due</span> <span id=\"amount\">").append(escape(display(payment)))
                .append("</span></h1>\n");
        if (error != null) {
            html.append("<p id=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
    }

    private static String footer(StringBuilder html, String aside) {
        return html.append("</main>\n").append(aside).append("</div></body></html>\n").toString();
    }

    private static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
            background:#eef1f6;color:#1b2232}
            .layout{display:flex;flex-wrap:wrap;gap:1.5rem;justify-content:center;align-items:flex-start;padding:2rem 1rem}
            .checkout{background:#fff;border-radius:14px;box-shadow:0 6px 24px rgba(20,40,80,.12);padding:1.5rem 1.75rem;
            width:100%;max-width:27rem}
            .brandbar{display:flex;justify-content:space-between;align-items:center;margin-bottom:1rem}
            .antom{font-weight:800;font-size:1.3rem;color:#1677ff;letter-spacing:.02em}
            .sandbox{font-size:.75rem;background:#fff4d6;color:#7a5400;border-radius:999px;padding:.2rem .6rem}
            .merchant{margin:.2rem 0;color:#5b6478;font-size:.85rem;overflow-wrap:anywhere}
            h1{margin:.2rem 0 1.2rem;font-size:1.6rem}h1 .label{display:block;font-size:.8rem;font-weight:500;color:#5b6478}
            h2{font-size:1.05rem}
            label{display:block;font-size:.85rem;font-weight:600;margin:.8rem 0 .3rem}
            label.check{font-weight:400;display:flex;gap:.5rem;align-items:center}
            input,select{width:100%;padding:.65rem .75rem;font-size:1rem;border:1px solid #c8cfdb;border-radius:8px}
            input[type=checkbox],input[type=radio]{width:auto}
            input:focus{outline:2px solid #1677ff;border-color:#1677ff}
            .card-number{position:relative}.card-number input{padding-right:7.5rem;letter-spacing:.06em}
            .brand{font-size:.72rem;font-weight:700;border-radius:5px;padding:.15rem .45rem;background:#e6eaf2;color:#39435a}
            .card-number .brand{position:absolute;right:.6rem;top:50%;transform:translateY(-50%)}
            .brand[data-brand=VISA]{background:#1a1f71;color:#fff}.brand[data-brand=MASTERCARD]{background:#eb001b;color:#fff}
            .brand[data-brand=AMEX]{background:#2e77bc;color:#fff}.brand[data-brand=JCB]{background:#0b7a3e;color:#fff}
            .brand[data-brand=CUP]{background:#d10429;color:#fff}
            .row{display:grid;grid-template-columns:1fr 1fr 1fr;gap:.6rem}
            button{margin-top:1.2rem;width:100%;padding:.8rem;font-size:1.05rem;font-weight:600;border:0;border-radius:8px;
            background:#1677ff;color:#fff;cursor:pointer}button:hover{background:#0f5fd6}
            fieldset{border:1px solid #d5dbe6;border-radius:8px}
            .secure{font-size:.8rem;color:#5b6478;text-align:center}
            #error{background:#fdecea;color:#a0241b;border-radius:8px;padding:.6rem .8rem}
            .button{display:inline-block;background:#1677ff;color:#fff;padding:.6rem 1rem;border-radius:8px;text-decoration:none}
            .panel{background:#fff;border-radius:14px;padding:1rem 1.25rem;width:100%;max-width:27rem;
            box-shadow:0 6px 24px rgba(20,40,80,.08);font-size:.85rem}
            .panel ul{list-style:none;padding:0;margin:0}.panel li{padding:.45rem 0;border-top:1px solid #eef1f6}
            .panel .test-card{margin:0;width:auto;padding:.25rem .5rem;font-size:.85rem;font-weight:500;background:#f3f6fb;
            color:#1b2232;border:1px solid #d5dbe6;font-family:ui-monospace,Menlo,monospace}
            .panel .test-card:hover{background:#e6eefc}.panel .what{display:block;color:#5b6478;margin-top:.2rem}
            code{background:#f3f6fb;padding:.1rem .3rem;border-radius:4px}
            @media (max-width:32rem){.layout{padding:.75rem}.checkout{padding:1.1rem}.row{grid-template-columns:1fr 1fr}}
            """;

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
