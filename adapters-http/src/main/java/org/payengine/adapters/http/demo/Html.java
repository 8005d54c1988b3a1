package org.payengine.adapters.http.demo;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The demo pages' HTML: escaping, one small layout with inline CSS, and the answer's headers. */
final class Html {

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f5f6f8}
            header.top{background:#14213d;color:#fff}
            header.top .bar{max-width:72rem;margin:0 auto;padding:.8rem 1rem;display:flex;align-items:center;gap:1.5rem;
            flex-wrap:wrap}
            header.top .logo{font-weight:800;font-size:1.15rem;letter-spacing:.02em;color:#fff;text-decoration:none}
            header.top .logo span{color:#fca311}
            header.top nav{display:flex;gap:1rem;margin-left:auto}header.top nav a{color:#e5e5e5;text-decoration:none}
            header.top nav a:hover{color:#fff;text-decoration:underline}
            main.page{max-width:72rem;margin:0 auto;padding:1.25rem 1rem 3rem}
            h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:.2rem 0 .6rem}
            .card{background:#fff;border:1px solid #e1e4ea;border-radius:12px;padding:1rem 1.25rem;margin:1rem 0;
            box-shadow:0 1px 3px rgba(20,33,61,.06)}
            label{display:block;margin:.6rem 0 .25rem;font-size:.9rem;font-weight:600}
            label.check{display:flex;gap:.5rem;align-items:center;font-weight:400}
            input,select{padding:.45rem .55rem;font-size:1rem;border:1px solid #c9ced8;border-radius:8px;background:#fff}
            button,.button{display:inline-block;padding:.55rem 1.1rem;font-size:1rem;border-radius:8px;border:1px solid #2148c0;
            background:#2148c0;color:#fff;cursor:pointer;text-decoration:none;font-weight:600}
            button:hover,.button:hover{background:#1a3a9c}
            button.secondary,.button.secondary{background:#fff;color:#2148c0}
            button.secondary:hover,.button.secondary:hover{background:#eef2fd}
            .table-wrap{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            td,th{border-bottom:1px solid #eceef2;padding:.4rem .5rem;text-align:left;font-size:.88rem;vertical-align:top}
            th{color:#5a6272;font-weight:600;white-space:nowrap}
            code,.id{font-family:ui-monospace,Menlo,monospace;font-size:.82rem;overflow-wrap:anywhere;word-break:break-all}
            .status{font-weight:700}
            .pill{display:inline-block;border-radius:999px;padding:.1rem .55rem;font-size:.78rem;font-weight:700;
            background:#eceef2;color:#39404d;white-space:nowrap}
            .SUCCEEDED,.PAID,.CAPTURED,.AUTHORIZED{color:#157a3c}.pill.PAID,.pill.CAPTURED,.pill.SUCCEEDED{background:#e3f4e8}
            .pill.AUTHORIZED{background:#e6f0ff;color:#1d4fb8}
            .FAILED,.CLOSED,.CANCELLED{color:#b3261e}.pill.FAILED,.pill.CLOSED,.pill.CANCELLED{background:#fbe7e6}
            .PROCESSING,.PENDING,.UNKNOWN,.INITIATED,.REQUESTED{color:#8a5a00}
            .pill.PENDING,.pill.UNKNOWN,.pill.INITIATED,.pill.REQUESTED,.pill.PROCESSING,.pill.OPEN{background:#fff3d6}
            #notice{background:#fff6dd;border:1px solid #e8c66b;padding:.6rem .8rem;border-radius:8px}
            .muted{color:#5a6272;font-size:.88rem}
            time{white-space:nowrap}
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

    /** A whole page around {@code body} (already HTML, with its own styles if any), with the demo's navigation. */
    static String page(String title, String body) {
        return page(title, body, "");
    }

    static String page(String title, String body, String extraStyle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · PayEngine demo shop</title><style>" + STYLE + extraStyle
                + "</style></head><body>\n<header class=\"top\"><div class=\"bar\">"
                + "<a class=\"logo\" href=\"/demo\">Pay<span>Engine</span> Goods</a>"
                + "<nav><a id=\"shop-link\" href=\"/demo\">Shop</a><a id=\"orders-link\" href=\"/demo/orders\">"
                + "Orders console</a><a id=\"reconciliation-link\" href=\"/demo/reconciliation\">Reconciliation</a></nav>"
                + "</div></header>\n<main class=\"page\">\n<h1>" + escape(title) + "</h1>\n"
                + body + "\n</main>\n" + LOCAL_TIMES + "</body></html>\n";
    }

    /** An instant as a {@code <time>}: UTC in the page, the reader's local time once the page's script ran. */
    static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        String utc = UTC_TIME.format(instant.atOffset(ZoneOffset.UTC));
        return "<time datetime=\"" + instant + "\">" + utc + "</time>";
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    /** Shows every {@code <time>} in the reader's own time zone and language. */
    private static final String LOCAL_TIMES = """
            <script>
            document.querySelectorAll('time[datetime]').forEach(function (time) {
              var at = new Date(time.getAttribute('datetime'));
              if (!isNaN(at)) {
                time.title = time.textContent;
                time.textContent = at.toLocaleString(undefined, {year: 'numeric', month: 'short', day: 'numeric',
                  hour: '2-digit', minute: '2-digit', second: '2-digit'});
              }
            });
            </script>
            """;

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
