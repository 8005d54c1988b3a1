package org.payengine.simulator.reports;

import java.time.Instant;
import org.payengine.simulator.wire.Money;

/**
 * One transaction as the reports list it, taken from a payment while holding its monitor.
 *
 * @param type              {@code PAYMENT}, {@code AUTHORIZATION}, {@code CAPTURE}, {@code REFUND}, {@code CANCEL}
 * @param requestId         the merchant's request id of the call (the payment request id for a payment and a cancel)
 * @param antomId           Antom's own id of the call (the payment, capture or refund id)
 * @param status            {@code SUCCESS}, {@code FAIL}, {@code PROCESSING}, {@code CANCELLED}
 * @param createdAt         when the call was made: the day of the transaction report it is in
 * @param completedAt       when it succeeded, or {@code null}
 * @param settles           whether it moves funds to settle (a captured payment, a capture, a refund)
 */
record ReportedTransaction(String type, String paymentId, String paymentRequestId, String requestId, String antomId,
                           String referenceOrderId, String status, Money amount, Instant createdAt, Instant completedAt,
                           boolean settles) {

    boolean succeeded() {
        return status.equals("SUCCESS");
    }
}
