package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * What every {@link PaymentGateway} must do against a healthy Antom (the real one's sandbox, the simulator, or
 * a fake): hosted card payments, idempotent requests, inquiries, manual capture, cancel, refund and consult.
 * An adapter proves itself by extending this class, returning its gateway and acting as the buyer on the hosted
 * page ({@link #buyerPays}, {@link #buyerIsDeclined}).
 */
public abstract class PaymentGatewayContract {

    protected static final Money AMOUNT = Money.of("SGD", 4200);

    protected abstract PaymentGateway gateway();

    /** The buyer pays on the hosted page with a card that succeeds (and passes any 3-D Secure challenge). */
    protected abstract void buyerPays(PaymentId paymentId, PaymentRequestId paymentRequestId);

    /** The buyer tries a card the issuer declines. */
    protected abstract void buyerIsDeclined(PaymentId paymentId, PaymentRequestId paymentRequestId);

    /** A new, never used payment request id. */
    protected PaymentRequestId newPaymentRequestId() {
        return PaymentRequestId.of("contract-" + UUID.randomUUID());
    }

    protected PaymentRequest request(PaymentRequestId id, CaptureMode mode) {
        PaymentOptions options = PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).captureMode(mode).build();
        return new PaymentRequest(id, ReferenceOrderId.of("order-" + id.value()), "Contract order", AMOUNT,
                Buyer.withId("buyer-contract"), List.of(), options, Instant.now().plusSeconds(14 * 60));
    }

    @Test
    public void pay_answers_in_process_with_the_hosted_page() {
        PaymentRequestId id = newPaymentRequestId();

        PaymentInProcess answer = inProcess(gateway().pay(request(id, CaptureMode.AUTOMATIC)));

        assertEquals(id, answer.paymentRequestId());
        assertNotNull(answer.paymentId(), "Antom's payment id");
        assertNotNull(answer.redirectUrl(), "the hosted page for the buyer");
    }

    @Test
    public void the_same_pay_request_again_is_the_same_payment() {
        PaymentRequest request = request(newPaymentRequestId(), CaptureMode.AUTOMATIC);

        PaymentId first = inProcess(gateway().pay(request)).paymentId();
        PaymentId again = inProcess(gateway().pay(request)).paymentId();

        assertEquals(first, again);
    }

    @Test
    public void an_inquiry_about_an_unknown_payment_is_refused_with_order_not_exist() {
        GatewayOutcome<List<Fact>> answer = gateway().inquirePayment(new PaymentInquiry(newPaymentRequestId(), null));

        assertEquals("ORDER_NOT_EXIST", assertInstanceOf(GatewayOutcome.Refused.class, answer).code().value());
    }

    @Test
    public void an_inquiry_by_payment_request_id_alone_finds_a_payment_awaiting_the_buyer() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.AUTOMATIC))).paymentId();

        PaymentFact status = paymentStatus(gateway().inquirePayment(new PaymentInquiry(id, null)));

        assertInstanceOf(PaymentInProcess.class, status);
        assertEquals(paymentId, status.paymentId());
    }

    @Test
    public void an_inquiry_after_the_buyer_paid_reports_the_success_with_card_facts() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.AUTOMATIC))).paymentId();
        buyerPays(paymentId, id);

        PaymentSucceeded success = assertInstanceOf(PaymentSucceeded.class,
                paymentStatus(gateway().inquirePayment(new PaymentInquiry(id, paymentId))));

        assertEquals(AMOUNT, success.amount());
        assertEquals(paymentId, success.paymentId());
        assertNotNull(success.card().maskedNumber(), "the masked card number");
        assertNotNull(success.card().brand(), "the card brand");
    }

    @Test
    public void an_inquiry_after_a_decline_reports_the_failure_with_its_code() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.AUTOMATIC))).paymentId();
        buyerIsDeclined(paymentId, id);

        PaymentFailed failure = assertInstanceOf(PaymentFailed.class,
                paymentStatus(gateway().inquirePayment(new PaymentInquiry(id, paymentId))));

        assertNotNull(failure.code());
    }

    @Test
    public void a_manual_capture_captures_the_authorized_amount_once_under_its_capture_request_id() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.MANUAL))).paymentId();
        buyerPays(paymentId, id);
        CaptureRequest capture = new CaptureRequest(CaptureRequestId.of("cap-" + id.value()), paymentId, AMOUNT);

        CaptureSucceeded first = captured(gateway().capture(capture));
        CaptureSucceeded again = captured(gateway().capture(capture));

        assertEquals(AMOUNT, first.amount());
        assertEquals(first.captureId(), again.captureId(), "the same capture request id is the same capture");
        List<Fact> inquiry = completed(gateway().inquirePayment(new PaymentInquiry(id, paymentId)));
        assertTrue(inquiry.stream().anyMatch(fact -> fact instanceof CaptureSucceeded reported
                && reported.captureId().equals(first.captureId())), "the inquiry reports the capture: " + inquiry);
    }

    @Test
    public void capturing_a_payment_that_is_not_authorized_is_refused() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.MANUAL))).paymentId();

        GatewayOutcome<CaptureFact> answer = gateway().capture(
                new CaptureRequest(CaptureRequestId.of("cap-" + id.value()), paymentId, AMOUNT));

        assertInstanceOf(GatewayOutcome.Refused.class, answer);
    }

    @Test
    public void cancelling_a_payment_awaiting_the_buyer_closes_it() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.AUTOMATIC))).paymentId();

        GatewayOutcome<PaymentCancelled> answer = gateway().cancel(new CancelRequest(id, paymentId));

        assertEquals(id, assertInstanceOf(PaymentCancelled.class, completed(answer)).paymentRequestId());
        assertInstanceOf(PaymentCancelled.class, paymentStatus(gateway().inquirePayment(new PaymentInquiry(id, paymentId))));
    }

    @Test
    public void a_captured_payment_is_refunded_once_under_its_refund_request_id() {
        PaymentRequestId id = newPaymentRequestId();
        PaymentId paymentId = inProcess(gateway().pay(request(id, CaptureMode.MANUAL))).paymentId();
        buyerPays(paymentId, id);
        captured(gateway().capture(new CaptureRequest(CaptureRequestId.of("cap-" + id.value()), paymentId, AMOUNT)));
        RefundRequest refund = new RefundRequest(RefundRequestId.of("ref-" + id.value()), paymentId, AMOUNT, "contract");

        RefundFact first = completed(gateway().refund(refund));
        RefundFact again = completed(gateway().refund(refund));

        RefundSucceeded done = first instanceof RefundSucceeded s ? s
                : assertInstanceOf(RefundSucceeded.class, completed(gateway().inquireRefund(
                        new RefundInquiry(refund.refundRequestId(), null))));
        assertEquals(AMOUNT, done.amount());
        if (again instanceof RefundSucceeded repeated) {
            assertEquals(done.refundId(), repeated.refundId(), "the same refund request id is the same refund");
        }
    }

    @Test
    public void consult_lists_card_payment_methods() {
        GatewayOutcome<List<PaymentMethodOption>> answer = gateway().consult(
                new ConsultRequest(Currency.getInstance("SGD"), AMOUNT, TerminalType.WEB, null));

        List<PaymentMethodOption> options = completed(answer);
        assertFalse(options.isEmpty());
        assertTrue(options.stream().anyMatch(option -> option.paymentMethodType().equals("CARD")));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    protected static <T> T completed(GatewayOutcome<T> outcome) {
        if (outcome instanceof GatewayOutcome.Completed<T> completed) {
            return completed.value();
        }
        throw new AssertionError("expected a completed call, got " + outcome);
    }

    private static PaymentInProcess inProcess(GatewayOutcome<PaymentFact> outcome) {
        return assertInstanceOf(PaymentInProcess.class, completed(outcome));
    }

    private static CaptureSucceeded captured(GatewayOutcome<CaptureFact> outcome) {
        return assertInstanceOf(CaptureSucceeded.class, completed(outcome));
    }

    private static PaymentFact paymentStatus(GatewayOutcome<List<Fact>> outcome) {
        List<Fact> facts = completed(outcome);
        return assertInstanceOf(PaymentFact.class, facts.get(0), "the first fact of an inquiry is the payment's status");
    }
}
