package org.payengine.adapters.http.demo;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** The demo pages' HTML: escaping, one small layout with inline CSS, and the answer's headers. */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
            h1{font-size:1.5rem}nav a{margin-right:1rem}
            .card{border:1px solid #d5d9e0;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
            label{display:block;margin:.5rem 0}input,select{padding:.3rem;font-size:1rem}
            button{padding:.45rem 1.1rem;font-size:1rem;border-radius:6px;border:1px solid #3552c8;background:#3552c8;color:#fff;cursor:pointer}
            button.secondary{background:#fff;color:#3552c8}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid #e4e7ec;padding:.3rem;text-align:left;font-size:.9rem}
            .status{font-weight:600}.SUCCEEDED{color:#157a3c}.FAILED,.CLOSED{color:#b3261e}.PROCESSING,.STILL_PROCESSING{color:#8a5a00}
            #notice{background:#fff6dd;border:1px solid #e8c66b;padding:.6rem;border-radius:6px}
            code{font-size:.85rem}
            """;

    private Html() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A whole page around {@code body} (already HTML), with the demo's navigation. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · PayEngine demo</title><style>" + STYLE + "</style></head><body>\n"
                + "<nav><a id=\"shop-link\" href=\"/demo\">Shop</a><a id=\"orders-link\" href=\"/demo/orders\">Orders</a>"
                + "<a id=\"reconciliation-link\" href=\"/demo/reconciliation\">Reconciliation</a></nav>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    /** A notice shown at the top of a page, or nothing. */
    static String notice(String message) {
        return message == null || message.isBlank() ? "" : "<p id=\"notice\" role=\"status\">" + escape(message) + "</p>\n";
    }

    static void send(HttpServerExchange exchange, int status, String html) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseHeaders().put(HttpString.tryFromString("Content-Security-Policy"),
                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
                        + "form-action 'self' http: https:; frame-ancestors 'none'");
        exchange.getResponseSender().send(html);
    }

    /** 303 to {@code location}: after a form, the browser fetches the next page with GET. */
    static void seeOther(HttpServerExchange exchange, String location) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }
}
