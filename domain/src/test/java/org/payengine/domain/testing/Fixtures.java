package org.payengine.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * Test data for orders, attempts and facts: readable defaults, every one overridable. The ids of an
 * attempt are derived from its payment request id ({@code pay-1} → payment {@code antom-pay-1}, capture
 * request {@code cap-pay-1}, capture {@code antom-cap-pay-1}), so a test names one id and gets the rest.
 */
public final class Fixtures {

    /** The instant tests start at. */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final Money AMOUNT = Money.of("SGD", 4200);
    public static final ReferenceOrderId ORDER_ID = ReferenceOrderId.of("order-1");

    private Fixtures() {
    }

    public static Money sgd(long minorUnits) {
        return Money.of("SGD", minorUnits);
    }

    public static Order newOrder() {
        return newOrder(ORDER_ID);
    }

    public static Order newOrder(ReferenceOrderId id) {
        return Order.create(id, AMOUNT, "Two coffees", Buyer.withId("buyer-1"), List.of(), T0);
    }

    public static PaymentOptions automaticCapture() {
        return options(CaptureMode.AUTOMATIC).build();
    }

    public static PaymentOptions manualCapture() {
        return options(CaptureMode.MANUAL).build();
    }

    public static PaymentOptions.Builder options(CaptureMode mode) {
        return PaymentOptions.hostedCard("https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"))
                .captureMode(mode);
    }

    public static PaymentRequestId attempt(String id) {
        return PaymentRequestId.of(id);
    }

    /** An order with one attempt started at {@link #T0}, nothing applied to it yet. */
    public static Order orderWithAttempt(String attemptId, PaymentOptions options) {
        Order order = newOrder();
        order.startAttempt(attempt(attemptId), options, T0).value();
        return order;
    }

    public static PaymentId paymentIdOf(PaymentRequestId attempt) {
        return PaymentId.of("antom-" + attempt.value());
    }

    public static CaptureRequestId captureRequestIdOf(PaymentRequestId attempt) {
        return CaptureRequestId.of("cap-" + attempt.value());
    }

    public static CaptureId captureIdOf(PaymentRequestId attempt) {
        return CaptureId.of("antom-cap-" + attempt.value());
    }

    public static RefundRequestId refundRequestIdOf(PaymentRequestId attempt) {
        return RefundRequestId.of("ref-" + attempt.value());
    }

    public static RefundId refundIdOf(PaymentRequestId attempt) {
        return RefundId.of("antom-ref-" + attempt.value());
    }

    public static CardFacts visaCard() {
        return new CardFacts("VISA", MaskedCardNumber.of("405469******0768"), CardToken.of("tok-visa-0768"), "CREDIT",
                "SG", null, "Y", "M", new ThreeDSResult("2.2.0", "05", "AAABBBCCC", "ds-1"), "nti-123");
    }

    // ---- facts -------------------------------------------------------------------------------

    public static PaymentInProcess inProcess(PaymentRequestId attempt) {
        return new PaymentInProcess(attempt, paymentIdOf(attempt), "https://antom.example/pay/" + attempt.value());
    }

    public static PaymentSucceeded succeeded(PaymentRequestId attempt) {
        return succeeded(attempt, T0.plusSeconds(60));
    }

    public static PaymentSucceeded succeeded(PaymentRequestId attempt, Instant paidAt) {
        return new PaymentSucceeded(attempt, paymentIdOf(attempt), AMOUNT, paidAt, null, visaCard());
    }

    public static PaymentSucceeded succeededWithAuthExpiry(PaymentRequestId attempt, Instant paidAt, Instant authExpiry) {
        return new PaymentSucceeded(attempt, paymentIdOf(attempt), AMOUNT, paidAt, authExpiry, visaCard());
    }

    public static PaymentFailed failed(PaymentRequestId attempt) {
        return failed(attempt, "DO_NOT_HONOR");
    }

    public static PaymentFailed failed(PaymentRequestId attempt, String code) {
        return new PaymentFailed(attempt, paymentIdOf(attempt), ResultCode.of(code), "declined by the issuer");
    }

    public static PaymentCancelled cancelled(PaymentRequestId attempt) {
        return new PaymentCancelled(attempt, paymentIdOf(attempt), T0.plusSeconds(120));
    }

    public static PaymentOutcomeUnknown outcomeUnknown(PaymentRequestId attempt) {
        return new PaymentOutcomeUnknown(attempt, "read timed out after 10 s");
    }

    /** A manual capture's success, naming PayEngine's capture request id. */
    public static CaptureSucceeded captureSucceeded(PaymentRequestId attempt) {
        return new CaptureSucceeded(paymentIdOf(attempt), captureRequestIdOf(attempt), captureIdOf(attempt), AMOUNT,
                T0.plus(Duration.ofHours(1)));
    }

    /** An automatic capture's success, naming Antom's own capture request id. */
    public static CaptureSucceeded automaticCaptureSucceeded(PaymentRequestId attempt) {
        return new CaptureSucceeded(paymentIdOf(attempt), CaptureRequestId.of("antom-auto-" + attempt.value()),
                captureIdOf(attempt), AMOUNT, T0.plusSeconds(90));
    }

    public static CaptureFailed captureFailed(PaymentRequestId attempt) {
        return new CaptureFailed(paymentIdOf(attempt), captureRequestIdOf(attempt), ResultCode.of("PROCESS_FAIL"),
                "capture failed");
    }

    public static CaptureProcessing captureProcessing(PaymentRequestId attempt) {
        return new CaptureProcessing(paymentIdOf(attempt), captureRequestIdOf(attempt));
    }

    public static RefundSucceeded refundSucceeded(PaymentRequestId attempt) {
        return new RefundSucceeded(refundRequestIdOf(attempt), refundIdOf(attempt), AMOUNT, T0.plus(Duration.ofDays(1)));
    }

    public static RefundFailed refundFailed(PaymentRequestId attempt) {
        return new RefundFailed(refundRequestIdOf(attempt), ResultCode.of("MERCHANT_BALANCE_NOT_ENOUGH"),
                "not enough balance");
    }

    public static RefundProcessing refundProcessing(PaymentRequestId attempt) {
        return new RefundProcessing(refundRequestIdOf(attempt), refundIdOf(attempt));
    }
}
