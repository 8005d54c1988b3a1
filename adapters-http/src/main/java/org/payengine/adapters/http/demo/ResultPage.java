package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * Where Antom sends the buyer back. It follows Antom's advice for result pages: the redirect itself proves
 * nothing, so the page shows what the engine learns by asking Antom; while the result is not final it shows
 * "processing" and polls for a few seconds, then says the order is still processing and points to the orders
 * page; a failure offers to pay again, as a new attempt of the same order.
 *
 * <p>Element ids: {@code #result-status} (its {@code data-status} is {@code SUCCEEDED}, {@code FAILED},
 * {@code PROCESSING}, {@code STILL_PROCESSING} or {@code CLOSED}), {@code #order-id}, {@code #try-again} (on
 * failure), {@code #check-orders} (when still processing).
 */
final class ResultPage {

    /** How often and how many times the page asks again while the result is not final (Antom: wait 3–5 s). */
    static final int POLL_INTERVAL_MILLIS = 1000;
    static final int POLLS = 5;

    private ResultPage() {
    }

    static String render(OrderSnapshot order, Outcome outcome) {
        PaymentAttempt latest = Outcome.latestAttempt(order);
        String orderId = escape(order.id().value());
        String body = "<div class=\"card\"><p>Order <code id=\"order-id\">" + orderId + "</code>, "
                + escape(order.amount()) + "</p>\n" + switch (outcome) {
                    case SUCCEEDED -> status(outcome, success(order));
                    case CLOSED -> status(outcome, "This order is closed; nothing more can be paid on it.");
                    case FAILED -> status(outcome, failure(latest))
                            + "<form method=\"post\" action=\"/demo/orders/" + orderId + "/retry\">"
                            + "<button id=\"try-again\" type=\"submit\">Try again</button></form>";
                    case PROCESSING -> status(outcome, "Processing your payment…") + stillProcessing() + poller();
                } + "</div>";
        return Html.page("Payment result", body);
    }

    private static String status(Outcome outcome, String text) {
        return "<p id=\"result-status\" class=\"status " + outcome + "\" data-status=\"" + outcome + "\">"
                + escape(text) + "</p>\n";
    }

    private static String success(OrderSnapshot order) {
        boolean awaitingManualCapture = order.status() == OrderStatus.AUTHORIZED
                && order.successful().map(PaymentAttempt::captureMode).orElse(null) == CaptureMode.MANUAL;
        return awaitingManualCapture
                ? "Payment authorized. Thank you! The shop captures it when your order ships."
                : "Payment successful. Thank you! Your order is on its way.";
    }

    private static String failure(PaymentAttempt latest) {
        if (latest == null) {
            return "No payment was made for this order yet.";
        }
        if (latest.failure() == null) {
            return "The payment did not go through (" + latest.status() + ").";
        }
        return "The payment did not go through: " + latest.failure().message() + " (" + latest.failure().code() + ").";
    }

    private static String stillProcessing() {
        return "<p id=\"still-processing\" hidden>Your payment is still being processed. "
                + "<a id=\"check-orders\" href=\"/demo/orders\">Check your orders</a> for the final result.</p>\n";
    }

    /** Asks the engine again every second, a few times; reloads on a final result, else says "still processing". */
    private static String poller() {
        return """
                <script>
                (function () {
                  var status = document.getElementById('result-status');
                  var url = '/demo/orders/' + encodeURIComponent(%s) + '/check';
                  var polls = 0;
                  function stillProcessing() {
                    status.dataset.status = 'STILL_PROCESSING';
                    status.className = 'status STILL_PROCESSING';
                    status.textContent = 'Still processing: check your orders for the final result.';
                    document.getElementById('still-processing').hidden = false;
                  }
                  function ask() {
                    polls++;
                    fetch(url, {method: 'POST', headers: {'Accept': 'application/json'}})
                      .then(function (response) { return response.json(); })
                      .then(function (answer) {
                        if (answer.outcome !== 'PROCESSING') { window.location.reload(); }
                        else if (polls >= %d) { stillProcessing(); }
                        else { setTimeout(ask, %d); }
                      })
                      .catch(function () { if (polls >= %d) { stillProcessing(); } else { setTimeout(ask, %d); } });
                  }
                  setTimeout(ask, %d);
                })();
                </script>
                """.formatted("document.getElementById('order-id').textContent", POLLS, POLL_INTERVAL_MILLIS, POLLS,
                POLL_INTERVAL_MILLIS, POLL_INTERVAL_MILLIS);
    }
}
