package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;
import static org.payengine.adapters.http.demo.Html.time;

import java.util.List;
import java.util.Locale;
import org.payengine.application.port.OrderSummary;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Refund;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The orders console: one page of the engine's orders, newest first (every order stored, whoever created it), as a
 * list, then each with its attempts, captures and audit trail, and the capture and cancel buttons of authorized
 * manual-capture attempts; a link to the next, older page while there is one. Times are the reader's local time
 * (UTC without scripts); wide tables scroll inside their card and long ids wrap, so nothing overflows a phone or a
 * 1,280-pixel screen.
 *
 * <p>Element ids: {@code #order-list}, {@code #summary-<referenceOrderId>}, {@code #orders},
 * {@code #order-<referenceOrderId>}, {@code #order-status-<referenceOrderId>},
 * {@code #status-<paymentRequestId>}, {@code #capture-status-<paymentRequestId>},
 * {@code #capture-<paymentRequestId>}, {@code #cancel-<paymentRequestId>}, {@code #audit-<referenceOrderId>},
 * {@code #older-orders}, {@code #newest-orders}, {@code #notice}.
 */
final class OrdersPage {

    /** One order with its audit trail. */
    record Row(OrderSnapshot order, List<AuditEntry> audit) {
    }

    private OrdersPage() {
    }

    /**
     * @param summaries  the page's orders, newest first
     * @param rows       the same orders in full, with their audit trails
     * @param olderPage  the link to the next, older page; {@code null} on the last page
     * @param firstPage  whether this is the page of the newest orders
     */
    static String render(List<OrderSummary> summaries, List<Row> rows, String olderPage, boolean firstPage,
                         String notice) {
        StringBuilder body = new StringBuilder(Html.notice(notice));
        if (summaries.isEmpty()) {
            body.append(firstPage ? "<p>No orders yet: <a href=\"/demo\">buy something</a>.</p>\n"
                    : "<p>No older orders.</p>\n");
        } else {
            list(body, summaries);
        }
        body.append("<div id=\"orders\">\n");
        for (Row row : rows) {
            order(body, row);
        }
        body.append("</div>\n<nav class=\"pages\">");
        if (!firstPage) {
            body.append("<a id=\"newest-orders\" href=\"/demo/orders\" class=\"button secondary\">Newest orders</a> ");
        }
        if (olderPage != null) {
            body.append("<a id=\"older-orders\" href=\"").append(escape(olderPage))
                    .append("\" class=\"button secondary\">Older orders</a>");
        }
        body.append("</nav>\n");
        return Html.page("Orders console", body.toString(), STYLE);
    }

    private static final String STYLE = """
            .audit{list-style:none;padding:0;margin:.4rem 0}
            .audit li{display:grid;grid-template-columns:minmax(9rem,auto) minmax(0,1fr);gap:.15rem 1rem;
            padding:.45rem 0;border-top:1px solid #eceef2;font-size:.88rem}
            .audit .what{overflow-wrap:anywhere}.audit .detail{grid-column:2;color:#5a6272;overflow-wrap:anywhere}
            .audit .arrow{color:#8a909c;margin:0 .25rem}
            details summary{cursor:pointer;font-weight:600;margin:.4rem 0}
            .order-head{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:baseline}
            .order-head .amount{font-weight:700}
            .actions form{display:inline-block;margin:.15rem .25rem .15rem 0}
            .actions button{padding:.3rem .7rem;font-size:.88rem}
            .actions input{width:6rem;max-width:100%;padding:.25rem .4rem}
            .refund-list{list-style:none;margin:.2rem 0 0;padding:0;font-size:.88rem}
            .refund-list li{overflow-wrap:anywhere;padding:.1rem 0}
            nav.pages{display:flex;gap:.6rem;margin-top:1rem}
            @media (max-width:40rem){.audit li{grid-template-columns:1fr}.audit .detail{grid-column:1}}
            """;

    private static void list(StringBuilder body, List<OrderSummary> summaries) {
        body.append("<div class=\"card table-wrap\"><table id=\"order-list\"><tr><th>Order</th><th>Amount</th>")
                .append("<th>Status</th><th>Latest payment</th><th>Created</th></tr>\n");
        for (OrderSummary summary : summaries) {
            String id = escape(summary.id().value());
            body.append("<tr id=\"summary-").append(id).append("\"><td><a class=\"id\" href=\"#order-").append(id)
                    .append("\">").append(id).append("</a></td><td>").append(escape(summary.amount()))
                    .append("</td><td>").append(pill(summary.status().name())).append("</td><td>")
                    .append(summary.latestAttemptStatus() == null ? "" : pill(summary.latestAttemptStatus().name()))
                    .append("</td><td>").append(time(summary.createdAt())).append("</td></tr>\n");
        }
        body.append("</table></div>\n");
    }

    private static void order(StringBuilder body, Row row) {
        OrderSnapshot order = row.order();
        String id = escape(order.id().value());
        body.append("<section class=\"card\" id=\"order-").append(id).append("\">\n<div class=\"order-head\"><h2>")
                .append(escape(order.description() == null ? "Order" : order.description())).append("</h2>")
                .append("<span class=\"amount\">").append(escape(order.amount())).append("</span>")
                .append("<span class=\"pill status ").append(order.status()).append("\" id=\"order-status-").append(id)
                .append("\">").append(order.status()).append("</span></div>\n")
                .append("<p class=\"muted\">Order <span class=\"id\">").append(id).append("</span> · created ")
                .append(time(order.createdAt())).append("</p>\n")
                .append("<div class=\"table-wrap\"><table><tr><th>Payment</th><th>Status</th><th>Capture</th>")
                .append("<th>Capture deadline</th><th>Card</th><th>Result</th><th></th></tr>\n");
        for (PaymentAttempt attempt : order.attempts()) {
            attempt(body, attempt);
        }
        body.append("</table></div>\n<details id=\"audit-").append(id).append("\"><summary>Audit trail (")
                .append(row.audit().size()).append(" entries)</summary><ol class=\"audit\">\n");
        for (AuditEntry entry : row.audit()) {
            body.append("<li>").append(time(entry.at())).append("<span class=\"what\">").append(subject(entry))
                    .append(' ').append(transition(entry)).append(" <span class=\"muted\">— ")
                    .append(cause(entry)).append("</span></span>");
            if (entry.detail() != null && !entry.detail().isBlank()) {
                body.append("<span class=\"detail\">").append(escape(entry.detail())).append("</span>");
            }
            body.append("</li>\n");
        }
        body.append("</ol></details>\n</section>\n");
    }

    private static void attempt(StringBuilder body, PaymentAttempt attempt) {
        String id = escape(attempt.id().value());
        Capture capture = attempt.capture();
        body.append("<tr><td><span class=\"id\">").append(id).append("</span>")
                .append(attempt.duplicate() ? " <span class=\"pill FAILED\">duplicate</span>" : "")
                .append("</td><td><span class=\"pill status ").append(attempt.status()).append("\" id=\"status-")
                .append(id).append("\">").append(attempt.status()).append("</span></td><td>")
                .append(attempt.captureMode() == CaptureMode.MANUAL ? "manual " : "automatic ")
                .append("<span id=\"capture-status-").append(id).append("\" class=\"pill ")
                .append(capture == null ? "" : capture.status().name()).append("\">")
                .append(capture == null ? "" : capture.status()).append("</span></td><td>")
                .append(time(attempt.captureDeadline())).append("</td><td>")
                .append(escape(attempt.card().brand())).append(' ')
                .append(escape(attempt.card().maskedNumber())).append("</td><td>")
                .append(attempt.failure() == null ? "" : "<span class=\"id\">" + escape(attempt.failure().code())
                        + "</span>").append("</td><td class=\"actions\">");
        if (capturable(attempt)) {
            body.append(button("capture", id, "Capture", "")).append(button("cancel", id, "Cancel", "secondary"));
        }
        if (refundable(attempt)) {
            body.append(refundForm(id, attempt.refundable()));
        }
        body.append("</td></tr>\n");
        if (!attempt.refunds().isEmpty()) {
            refunds(body, attempt);
        }
    }

    /** The attempt's refunds, one line each, under its row; the refunded total first. */
    private static void refunds(StringBuilder body, PaymentAttempt attempt) {
        String id = escape(attempt.id().value());
        body.append("<tr class=\"refunds\"><td colspan=\"7\"><span class=\"muted\">Refunded </span><strong id=\"refunded-")
                .append(id).append("\">").append(escape(attempt.refundedAmount())).append("</strong>")
                .append("<ul class=\"refund-list\">");
        for (Refund refund : attempt.refunds()) {
            String requestId = escape(refund.requestId().value());
            body.append("<li id=\"refund-").append(requestId).append("\">").append(escape(refund.amount())).append(' ')
                    .append("<span class=\"pill ").append(refund.status()).append("\" id=\"refund-status-")
                    .append(requestId).append("\">").append(refund.status()).append("</span> ")
                    .append(time(refund.requestedAt()))
                    .append(refund.reason() == null ? "" : " <span class=\"muted\">" + escape(refund.reason()) + "</span>")
                    .append(refund.failure() == null ? ""
                            : " <span class=\"id\">" + escape(refund.failure().code()) + "</span>")
                    .append("</li>");
        }
        body.append("</ul></td></tr>\n");
    }

    /** A captured payment (not a duplicate: the engine refunds those) with something left to refund. */
    static boolean refundable(PaymentAttempt attempt) {
        return attempt.status() == AttemptStatus.CAPTURED && !attempt.duplicate() && attempt.refundable().isPositive();
    }

    /** The amount in major units, what is left to refund by default; the currency is the payment's. */
    private static String refundForm(String escapedId, Money left) {
        String major = left.toMajorUnits().toPlainString();
        return "<form method=\"post\" class=\"refund\" action=\"/demo/payments/" + escapedId + "/refund\">"
                + "<input type=\"hidden\" name=\"currency\" value=\"" + escape(left.currencyCode()) + "\">"
                + "<label><span class=\"muted\">" + escape(left.currencyCode()) + "</span> <input name=\"amount\""
                + " id=\"refund-amount-" + escapedId + "\" value=\"" + escape(major) + "\" inputmode=\"decimal\""
                + " size=\"8\" aria-label=\"Amount to refund\"></label> "
                + "<button type=\"submit\" class=\"secondary\" id=\"refund-" + escapedId + "\">Refund</button></form>";
    }

    /** An authorized manual-capture attempt whose funds the shop may still capture or release. */
    static boolean capturable(PaymentAttempt attempt) {
        return attempt.status() == AttemptStatus.AUTHORIZED && attempt.captureMode() == CaptureMode.MANUAL
                && !attempt.duplicate();
    }

    private static String subject(AuditEntry entry) {
        String kind = switch (entry.subject().name()) {
            case "ORDER" -> "Order";
            case "ATTEMPT" -> "Payment";
            default -> entry.subject().name().charAt(0) + entry.subject().name().substring(1).toLowerCase(Locale.ROOT);
        };
        return "<strong>" + kind + "</strong>" + (entry.subjectId() == null ? ""
                : " <span class=\"id\">" + escape(entry.subjectId()) + "</span>");
    }

    private static String transition(AuditEntry entry) {
        String to = "<span class=\"pill " + escape(entry.toState()) + "\">" + escape(entry.toState()) + "</span>";
        return entry.fromState() == null ? to
                : "<span class=\"pill " + escape(entry.fromState()) + "\">" + escape(entry.fromState())
                        + "</span><span class=\"arrow\">→</span>" + to;
    }

    /** Who caused the change, in words. */
    private static String cause(AuditEntry entry) {
        return switch (entry.source().name()) {
            case "API_RESPONSE" -> "Antom's answer";
            case "NOTIFICATION" -> "Antom's notification";
            case "INQUIRY" -> "asking Antom";
            case "MERCHANT" -> "the merchant";
            case "WORKER" -> "a background worker";
            default -> escape(entry.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }

    private static String pill(String status) {
        return "<span class=\"pill " + escape(status) + "\">" + escape(status) + "</span>";
    }

    private static String button(String action, String escapedId, String label, String cssClass) {
        return "<form method=\"post\" action=\"/demo/payments/" + escapedId + "/" + action
                + "\"><button type=\"submit\" class=\"" + cssClass + "\" id=\"" + action + "-"
                + escapedId + "\">" + label + "</button></form>";
    }
}
