package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import java.time.Instant;
import java.util.List;
import org.payengine.application.port.OrderSummary;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * One page of the engine's orders, newest first (every order stored, whoever created it): a list of them, then
 * each with its attempts, captures and audit trail, and the capture and cancel buttons of authorized
 * manual-capture attempts; a link to the next, older page while there is one.
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
        body.append("</div>\n<nav>");
        if (!firstPage) {
            body.append("<a id=\"newest-orders\" href=\"/demo/orders\">Newest orders</a>");
        }
        if (olderPage != null) {
            body.append("<a id=\"older-orders\" href=\"").append(escape(olderPage)).append("\">Older orders</a>");
        }
        body.append("</nav>\n");
        return Html.page("Orders", body.toString());
    }

    private static void list(StringBuilder body, List<OrderSummary> summaries) {
        body.append("<table id=\"order-list\"><tr><th>Order</th><th>Amount</th><th>Status</th>")
                .append("<th>Latest payment</th><th>Created</th></tr>\n");
        for (OrderSummary summary : summaries) {
            String id = escape(summary.id().value());
            body.append("<tr id=\"summary-").append(id).append("\"><td><a href=\"#order-").append(id)
                    .append("\"><code>").append(id).append("</code></a></td><td>").append(escape(summary.amount()))
                    .append("</td><td>").append(summary.status()).append("</td><td>")
                    .append(escape(summary.latestAttemptStatus())).append("</td><td>")
                    .append(time(summary.createdAt())).append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private static void order(StringBuilder body, Row row) {
        OrderSnapshot order = row.order();
        String id = escape(order.id().value());
        body.append("<section class=\"card\" id=\"order-").append(id).append("\">\n")
                .append("<h2><code>").append(id).append("</code> ").append(escape(order.description()))
                .append(" · ").append(escape(order.amount())).append(" · <span class=\"status\" id=\"order-status-")
                .append(id).append("\">").append(order.status()).append("</span></h2>\n")
                .append("<p>Created ").append(time(order.createdAt())).append("</p>\n")
                .append("<table><tr><th>Payment request</th><th>Status</th><th>Capture mode</th><th>Capture</th>")
                .append("<th>Capture deadline</th><th>Card</th><th>Result</th><th></th></tr>\n");
        for (PaymentAttempt attempt : order.attempts()) {
            attempt(body, attempt);
        }
        body.append("</table>\n<details id=\"audit-").append(id).append("\"><summary>Audit trail (")
                .append(row.audit().size()).append(")</summary><table>")
                .append("<tr><th>When</th><th>What</th><th>From</th><th>To</th><th>Caused by</th><th>Detail</th></tr>\n");
        for (AuditEntry entry : row.audit()) {
            body.append("<tr><td>").append(time(entry.at())).append("</td><td>").append(entry.subject()).append(' ')
                    .append(escape(entry.subjectId())).append("</td><td>").append(escape(entry.fromState()))
                    .append("</td><td>").append(escape(entry.toState())).append("</td><td>").append(entry.source())
                    .append("</td><td>").append(escape(entry.detail())).append("</td></tr>\n");
        }
        body.append("</table></details>\n</section>\n");
    }

    private static void attempt(StringBuilder body, PaymentAttempt attempt) {
        String id = escape(attempt.id().value());
        Capture capture = attempt.capture();
        body.append("<tr><td><code>").append(id).append("</code>").append(attempt.duplicate() ? " (duplicate)" : "")
                .append("</td><td class=\"status\" id=\"status-").append(id).append("\">").append(attempt.status())
                .append("</td><td>").append(attempt.captureMode()).append("</td><td id=\"capture-status-").append(id)
                .append("\">").append(capture == null ? "" : capture.status()).append("</td><td>")
                .append(time(attempt.captureDeadline())).append("</td><td>")
                .append(escape(attempt.card().brand())).append(' ')
                .append(escape(attempt.card().maskedNumber())).append("</td><td>")
                .append(attempt.failure() == null ? "" : escape(attempt.failure().code())).append("</td><td>");
        if (capturable(attempt)) {
            body.append(button("capture", id, "Capture", "")).append(' ')
                    .append(button("cancel", id, "Cancel", "secondary"));
        }
        body.append("</td></tr>\n");
    }

    /** An authorized manual-capture attempt whose funds the shop may still capture or release. */
    static boolean capturable(PaymentAttempt attempt) {
        return attempt.status() == AttemptStatus.AUTHORIZED && attempt.captureMode() == CaptureMode.MANUAL
                && !attempt.duplicate();
    }

    private static String button(String action, String escapedId, String label, String cssClass) {
        return "<form method=\"post\" action=\"/demo/payments/" + escapedId + "/" + action
                + "\" style=\"display:inline\"><button type=\"submit\" class=\"" + cssClass + "\" id=\"" + action + "-"
                + escapedId + "\">" + label + "</button></form>";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : escape(instant.toString());
    }
}
