package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import java.time.Instant;
import java.util.List;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The shop's orders, newest first, each with its attempts, captures and audit trail, and the capture and
 * cancel buttons of authorized manual-capture attempts.
 *
 * <p>Element ids: {@code #orders}, {@code #order-<referenceOrderId>}, {@code #order-status-<referenceOrderId>},
 * {@code #status-<paymentRequestId>}, {@code #capture-status-<paymentRequestId>},
 * {@code #capture-<paymentRequestId>}, {@code #cancel-<paymentRequestId>}, {@code #audit-<referenceOrderId>},
 * {@code #notice}.
 */
final class OrdersPage {

    /** One order with its audit trail. */
    record Row(OrderSnapshot order, List<AuditEntry> audit) {
    }

    private OrdersPage() {
    }

    static String render(List<Row> rows, String notice) {
        StringBuilder body = new StringBuilder(Html.notice(notice));
        body.append("<div id=\"orders\">\n");
        if (rows.isEmpty()) {
            body.append("<p>No orders yet: <a href=\"/demo\">buy something</a>.</p>\n");
        }
        for (Row row : rows) {
            order(body, row);
        }
        body.append("</div>\n");
        return Html.page("Orders", body.toString());
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
