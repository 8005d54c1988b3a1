package org.payengine.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * The merchant API's views of orders and payment attempts, exactly as the public contract names them. Mapped
 * once, here, from the domain's snapshots; absent facts are {@code null} and left out of the JSON; statuses are
 * the domain's upper-case names; timestamps are ISO 8601 with an offset (UTC, written {@code Z}).
 */
public final class Views {

    private Views() {
    }

    /** {@code {"currency","value"}} with the value in minor units as a string of digits, as Antom writes it. */
    public record Amount(String currency, String value) {
        static Amount of(Money money) {
            return new Amount(money.currencyCode(), Long.toString(money.minorUnits()));
        }
    }

    public record BuyerView(String referenceBuyerId, String email, String phone) {
        static BuyerView of(Buyer buyer) {
            if (buyer == null || buyer.equals(Buyer.ANONYMOUS)) {
                return null;
            }
            return new BuyerView(buyer.id() == null ? null : buyer.id().value(), buyer.email(), buyer.phone());
        }
    }

    public record OrderView(String referenceOrderId, String status, Amount amount, String description, BuyerView buyer,
                            List<PaymentView> payments, String createdAt, String closedAt) {
    }

    public record PaymentView(String paymentRequestId, String paymentId, String referenceOrderId, String status,
                              String captureMode, Amount amount, String resultCode, String resultMessage,
                              String redirectUrl, String createdAt, String expiresAt, String authorizedAt,
                              CardView card, CaptureView capture, boolean duplicate, List<RefundView> refunds,
                              Amount refundedAmount) {
    }

    /**
     * One refund of a payment; {@code refundedAt} once Antom refunded, {@code resultCode} and {@code resultMessage}
     * when it refused.
     */
    public record RefundView(String refundRequestId, String refundId, String paymentRequestId, String status,
                             Amount amount, String reason, String createdAt, String refundedAt, String resultCode,
                             String resultMessage) {
        public static RefundView of(PaymentAttempt attempt, Refund refund) {
            return new RefundView(refund.requestId().value(), text(refund.refundId()), attempt.id().value(),
                    refund.status().name(), Amount.of(refund.amount()), refund.reason(),
                    timestamp(refund.requestedAt()), timestamp(refund.refundedAt()),
                    refund.failure() == null ? null : refund.failure().code().value(),
                    refund.failure() == null ? null : refund.failure().message());
        }
    }

    public record CardView(String brand, String maskedNumber, String token, String funding, String issuingCountry,
                           String avsResultRaw, String cvvResultRaw, ThreeDSView threeDS, String networkTransactionId) {
    }

    public record ThreeDSView(String threeDSVersion, String eci, String cavv, String dsTransactionId) {
    }

    /** The capture of an attempt; for manual capture, also the deadline before any capture is requested. */
    public record CaptureView(String captureRequestId, String captureId, String status, Amount amount,
                              String deadline, String requestedAt, String capturedAt, String resultCode,
                              String resultMessage) {
    }

    /** A page of the order listing; {@code next} is always written, {@code null} on the last page. */
    public record OrderPage(List<OrderView> orders, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
    }

    /** A page of the payment listing; {@code next} is always written, {@code null} on the last page. */
    public record PaymentPage(List<PaymentView> payments, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
    }

    /** What starting a payment answers: the new attempt and where to send the buyer. */
    public record StartedPaymentView(String paymentRequestId, String paymentId, String status, String redirectUrl,
                                     String resultCode, String resultMessage) {
        static StartedPaymentView of(PaymentAttempt attempt) {
            PaymentView view = Views.payment(attempt);
            return new StartedPaymentView(view.paymentRequestId(), view.paymentId(), view.status(), view.redirectUrl(),
                    view.resultCode(), view.resultMessage());
        }
    }

    /** What a capture answers: the capture, and the attempt it belongs to. */
    public record CapturedView(String paymentRequestId, String captureRequestId, String captureId, String status,
                               Amount amount, String deadline, String capturedAt, String resultCode,
                               String resultMessage, PaymentView payment) {
        static CapturedView of(PaymentAttempt attempt) {
            PaymentView payment = Views.payment(attempt);
            CaptureView capture = payment.capture() != null ? payment.capture()
                    : new CaptureView(null, null, null, null, null, null, null, null, null);
            return new CapturedView(payment.paymentRequestId(), capture.captureRequestId(), capture.captureId(),
                    capture.status(), capture.amount(), capture.deadline(), capture.capturedAt(), capture.resultCode(),
                    capture.resultMessage(), payment);
        }
    }

    public static OrderView order(OrderSnapshot order) {
        return new OrderView(order.id().value(), order.status().name(), Amount.of(order.amount()), order.description(),
                BuyerView.of(order.buyer()), order.attempts().stream().map(Views::payment).toList(),
                timestamp(order.createdAt()), timestamp(order.closedAt()));
    }

    public static PaymentView payment(PaymentAttempt attempt) {
        return new PaymentView(attempt.id().value(), text(attempt.paymentId()), attempt.orderId().value(),
                attempt.status().name(), attempt.captureMode().name(), Amount.of(attempt.amount()),
                attempt.failure() == null ? null : attempt.failure().code().value(),
                attempt.failure() == null ? null : attempt.failure().message(),
                attempt.redirectUrl(), timestamp(attempt.initiatedAt()), timestamp(attempt.expiresAt()),
                attempt.authorization() == null ? null : timestamp(attempt.authorization().authorizedAt()),
                card(attempt.card()), capture(attempt), attempt.duplicate(),
                attempt.refunds().stream().map(refund -> RefundView.of(attempt, refund)).toList(),
                attempt.capture() != null && attempt.capture().isSucceeded()
                        ? Amount.of(attempt.refundedAmount()) : null);
    }

    private static CardView card(CardFacts card) {
        if (card == null || card.isEmpty()) {
            return null;
        }
        return new CardView(card.brand(), text(card.maskedNumber()), text(card.token()), card.funding(),
                card.issuingCountry(), card.avsResultRaw(), card.cvvResultRaw(), threeDS(card.threeDS()),
                card.networkTransactionId());
    }

    private static ThreeDSView threeDS(ThreeDSResult result) {
        if (result == null || result.isEmpty()) {
            return null;
        }
        return new ThreeDSView(result.version(), result.eci(), result.cavv(), result.dsTransactionId());
    }

    private static CaptureView capture(PaymentAttempt attempt) {
        Capture capture = attempt.capture();
        Instant deadline = attempt.captureDeadline();
        if (capture == null && deadline == null) {
            return null;
        }
        if (capture == null) {
            return new CaptureView(null, null, null, null, timestamp(deadline), null, null, null, null);
        }
        return new CaptureView(text(capture.requestId()), text(capture.captureId()), capture.status().name(),
                Amount.of(capture.amount()), timestamp(deadline), timestamp(capture.requestedAt()),
                timestamp(capture.capturedAt()), capture.failure() == null ? null : capture.failure().code().value(),
                capture.failure() == null ? null : capture.failure().message());
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
