package org.payengine.simulator.payments;

import java.util.List;
import org.payengine.simulator.notify.Delivery;
import org.payengine.simulator.notify.DeliveryAttempt;
import org.payengine.simulator.wire.AntomTime;

/**
 * The simulator's own view of a payment (the control API's {@code GET /sandbox/payments/{paymentId}}):
 * its status, card facts, captures, refunds, and every notification sent with its answers.
 */
public record PaymentView(String paymentId, String paymentRequestId, String paymentStatus, String checkoutStage,
                          String paymentResultCode, String paymentResultMessage, String lastDeclineCode, String captureMode,
                          String amountCurrency, String amountValue, String paymentCreateTime, String paymentExpiryTime,
                          String paymentTime, String authExpiryTime, String cancelTime, String normalUrl,
                          String cardBrand, String maskedCardNumber, String cardToken, String threeDSEci,
                          String avsResultRaw, String cvvResultRaw, String networkTransactionId,
                          String captureStatus, List<CaptureView> captures, List<RefundView> refunds,
                          List<NotificationView> notifications) {

    /** One capture: manual, or automatic (Antom-generated {@code captureRequestId}). */
    public record CaptureView(String captureRequestId, String captureId, String status, String resultCode,
                              boolean automatic, String captureTime) {
    }

    public record RefundView(String refundRequestId, String refundId, String status, String value, String refundTime) {
    }

    /** One notification: type, target, state ({@code SCHEDULED}, {@code HELD}, {@code ACKNOWLEDGED}, {@code GAVE_UP}), sends. */
    public record NotificationView(String notifyType, String url, String state, String body, List<DeliveryAttempt> attempts) {
    }

    /** A snapshot, taken under the payment's monitor. */
    public static PaymentView of(Payment payment) {
        synchronized (payment) {
            CardDetails card = payment.card;
            Capture active = payment.activeCapture();
            String captureStatus = active != null ? active.status.name()
                    : payment.captures.isEmpty() ? null : PaymentStatus.FAIL.name();
            return new PaymentView(payment.paymentId, payment.terms.paymentRequestId(), payment.status.name(),
                    payment.stage.name(), payment.paymentResult.resultCode(), payment.paymentResult.resultMessage(),
                    payment.lastDecline == null ? null : payment.lastDecline.resultCode(),
                    payment.terms.manualCapture() ? "MANUAL" : "AUTOMATIC",
                    payment.terms.amount().currency(), Long.toString(payment.terms.amount().value()),
                    AntomTime.format(payment.createdAt), AntomTime.format(payment.terms.expiresAt()),
                    time(payment.paymentTime), time(payment.authExpiryTime), time(payment.cancelTime), payment.checkoutUrl,
                    card == null ? null : card.brand(), card == null ? null : card.maskedNumber(), payment.cardToken,
                    payment.threeDS == null ? null : payment.threeDS.eci(),
                    payment.avsResultRaw, payment.cvvResultRaw, payment.networkTransactionId, captureStatus,
                    payment.captures.stream().map(c -> new CaptureView(c.captureRequestId, c.captureId, c.status.name(),
                            c.result.resultCode(), c.automatic, time(c.captureTime))).toList(),
                    payment.refunds.stream().map(r -> new RefundView(r.refundRequestId, r.refundId, r.status.name(),
                            Long.toString(r.amount.value()), time(r.refundTime))).toList(),
                    payment.deliveries.stream().map(PaymentView::notification).toList());
        }
    }

    private static NotificationView notification(Delivery delivery) {
        return new NotificationView(delivery.notifyType(), delivery.url(), delivery.state().name(), delivery.body(),
                delivery.attempts());
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : AntomTime.format(instant);
    }
}
