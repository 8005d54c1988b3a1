package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.antom.SimulatorFixture.completed;
import static org.payengine.adapters.antom.SimulatorFixture.hosted;
import static org.payengine.adapters.antom.SimulatorFixture.request;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.TerminalType;

/** The gateway against the Antom simulator over loopback HTTP: every API, success and definite failures. */
class AntomPaymentGatewayContractTest {

    @RegisterExtension
    static final SimulatorFixture fixture = new SimulatorFixture();

    @Test
    void pay_creates_a_payment_on_the_hosted_page_and_a_resend_gets_the_same_one() {
        PaymentRequest request = request("4200", hosted().build());

        PaymentInProcess created = completed(fixture.gateway.pay(request));
        PaymentInProcess resent = completed(fixture.gateway.pay(request));

        assertEquals(request.paymentRequestId(), created.paymentRequestId());
        assertNotNull(created.paymentId());
        assertTrue(created.redirectUrl().contains(created.paymentId().value()), created.redirectUrl());
        assertEquals(created, resent);
    }

    @Test
    void inquiry_reports_a_payment_in_process_then_succeeded_with_the_card_facts() {
        PaymentRequest request = request("4200", hosted().captureMode(CaptureMode.MANUAL).build());
        PaymentInProcess created = completed(fixture.gateway.pay(request));
        PaymentInquiry inquiry = new PaymentInquiry(request.paymentRequestId(), null);
        assertInstanceOf(PaymentInProcess.class, completedInquiry(inquiry).get(0));

        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.SUCCESS_VISA, true);

        PaymentSucceeded paid = assertInstanceOf(PaymentSucceeded.class, completedInquiry(inquiry).get(0));
        assertEquals(created.paymentId(), paid.paymentId());
        assertEquals(Money.of("SGD", 4200), paid.amount());
        assertNotNull(paid.paidAt());
        assertNotNull(paid.authExpiresAt(), "a manual-capture authorization has an expiry");
        assertEquals("VISA", paid.card().brand());
        assertTrue(paid.card().maskedNumber().value().endsWith("0768"), paid.card().maskedNumber().value());
        assertNotNull(paid.card().token(), "the card was saved");
        assertNotNull(paid.card().avsResultRaw());
        assertNotNull(paid.card().cvvResultRaw());
        assertNotNull(paid.card().networkTransactionId());
    }

    @Test
    void a_declined_card_is_reported_as_a_failed_payment_with_antoms_code() {
        PaymentRequest request = request("4200", hosted().build());
        PaymentInProcess created = completed(fixture.gateway.pay(request));

        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.DECLINED_VISA, false);

        PaymentFailed failed = assertInstanceOf(PaymentFailed.class,
                completedInquiry(new PaymentInquiry(request.paymentRequestId(), created.paymentId())).get(0));
        assertEquals("DO_NOT_HONOR", failed.code().value());
    }

    @Test
    void manual_capture_succeeds_and_the_inquiry_lists_the_capture() {
        PaymentInProcess created = paid(SimulatorFixture.SUCCESS_VISA, CaptureMode.MANUAL);
        CaptureRequestId captureRequestId = CaptureRequestId.of(SimulatorFixture.uniqueId("capture"));

        CaptureSucceeded captured = completed(fixture.gateway.capture(
                new CaptureRequest(captureRequestId, created.paymentId(), Money.of("SGD", 4200))));

        assertEquals(captureRequestId, captured.captureRequestId());
        assertNotNull(captured.captureId());
        List<Fact> facts = completedInquiry(new PaymentInquiry(created.paymentRequestId(), created.paymentId()));
        assertTrue(facts.contains(captured) || facts.stream().anyMatch(fact -> fact instanceof CaptureSucceeded
                && ((CaptureSucceeded) fact).captureId().equals(captured.captureId())), facts.toString());
    }

    @Test
    void a_capture_in_process_is_completed_later_or_fails_later() {
        PaymentInProcess slow = paid(SimulatorFixture.CAPTURE_PROCESSING, CaptureMode.MANUAL);
        PaymentInProcess failing = paid(SimulatorFixture.CAPTURE_FAILS, CaptureMode.MANUAL);
        CaptureRequestId slowId = CaptureRequestId.of(SimulatorFixture.uniqueId("capture"));
        CaptureRequestId failingId = CaptureRequestId.of(SimulatorFixture.uniqueId("capture"));

        assertInstanceOf(CaptureProcessing.class, completed(fixture.gateway.capture(
                new CaptureRequest(slowId, slow.paymentId(), Money.of("SGD", 4200)))));
        assertInstanceOf(CaptureProcessing.class, completed(fixture.gateway.capture(
                new CaptureRequest(failingId, failing.paymentId(), Money.of("SGD", 4200)))));
        fixture.antom.advanceClock(Duration.ofSeconds(61));

        assertTrue(completedInquiry(new PaymentInquiry(slow.paymentRequestId(), slow.paymentId())).stream()
                .anyMatch(fact -> fact instanceof CaptureSucceeded));
        assertTrue(completedInquiry(new PaymentInquiry(failing.paymentRequestId(), failing.paymentId())).stream()
                .anyMatch(fact -> fact instanceof CaptureFailed));
    }

    @Test
    void capture_failures_are_refused_with_antoms_code() {
        GatewayOutcome<?> unknownPayment = fixture.gateway.capture(new CaptureRequest(
                CaptureRequestId.of(SimulatorFixture.uniqueId("capture")), PaymentId.of("no-such-payment"), Money.of("SGD", 4200)));
        assertRefused("ORDER_NOT_EXIST", unknownPayment);

        PaymentInProcess created = paid(SimulatorFixture.SUCCESS_VISA, CaptureMode.MANUAL);
        GatewayOutcome<?> tooMuch = fixture.gateway.capture(new CaptureRequest(
                CaptureRequestId.of(SimulatorFixture.uniqueId("capture")), created.paymentId(), Money.of("SGD", 4201)));
        assertInstanceOf(GatewayOutcome.Refused.class, tooMuch);
    }

    @Test
    void cancel_voids_an_authorization_and_the_inquiry_says_cancelled() {
        PaymentInProcess created = paid(SimulatorFixture.SUCCESS_VISA, CaptureMode.MANUAL);

        PaymentCancelled cancelled = completed(fixture.gateway.cancel(
                new CancelRequest(created.paymentRequestId(), created.paymentId())));

        assertEquals(created.paymentId(), cancelled.paymentId());
        assertInstanceOf(PaymentCancelled.class,
                completedInquiry(new PaymentInquiry(created.paymentRequestId(), null)).get(0));
        assertRefused("ORDER_NOT_EXIST", fixture.gateway.cancel(
                new CancelRequest(PaymentRequestId.of(SimulatorFixture.uniqueId("pay")), null)));
    }

    @Test
    void refund_and_its_inquiry_after_an_automatic_capture() {
        PaymentInProcess created = paid(SimulatorFixture.SUCCESS_VISA, CaptureMode.AUTOMATIC);
        fixture.antom.advanceClock(Duration.ofSeconds(5));
        RefundRequestId refundRequestId = RefundRequestId.of(SimulatorFixture.uniqueId("refund"));

        GatewayOutcome<?> refund = fixture.gateway.refund(
                new RefundRequest(refundRequestId, created.paymentId(), Money.of("SGD", 1000), "broken cup"));
        RefundSucceeded refunded = completed(refund);
        RefundSucceeded inquired = completed(fixture.gateway.inquireRefund(new RefundInquiry(refundRequestId, null)));

        assertEquals(Money.of("SGD", 1000), refunded.amount());
        assertEquals(refunded.refundId(), inquired.refundId());
        assertRefused("REFUND_AMOUNT_EXCEED", fixture.gateway.refund(new RefundRequest(
                RefundRequestId.of(SimulatorFixture.uniqueId("refund")), created.paymentId(), Money.of("SGD", 9999), null)));
    }

    @Test
    void inquiries_about_what_antom_does_not_know_are_refused() {
        assertRefused("ORDER_NOT_EXIST", fixture.gateway.inquirePayment(
                new PaymentInquiry(PaymentRequestId.of(SimulatorFixture.uniqueId("pay")), null)));
        assertRefused("ORDER_NOT_EXIST", fixture.gateway.inquireRefund(
                new RefundInquiry(RefundRequestId.of(SimulatorFixture.uniqueId("refund")), null)));
    }

    @Test
    void pay_refusals_carry_antoms_code_and_a_reused_request_id_is_unknown_not_refused() {
        assertRefused("RISK_REJECT", fixture.gateway.pay(request("11", hosted().build())));

        PaymentRequest first = request("4200", hosted().build());
        completed(fixture.gateway.pay(first));
        PaymentRequest changed = new PaymentRequest(first.paymentRequestId(), first.referenceOrderId(),
                first.orderDescription(), Money.of("SGD", 4300), first.buyer(), first.goods(), first.options(), first.expiresAt());
        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, fixture.gateway.pay(changed));
        assertTrue(unknown.reason().contains("REPEAT_REQ_INCONSISTENT"), unknown.reason());
        assertFalse(unknown.sameRequestMayBeResent(), "the earlier payment may have succeeded: inquire");
    }

    @Test
    void consult_lists_card_options_with_brands() {
        List<PaymentMethodOption> options = completed(fixture.gateway.consult(
                new ConsultRequest(Currency.getInstance("SGD"), null, TerminalType.WEB, "SG")));

        PaymentMethodOption card = options.get(0);
        assertEquals("CARD", card.paymentMethodType());
        assertTrue(card.enabled());
        assertTrue(card.cardBrands().contains("VISA"), card.cardBrands().toString());
        assertTrue(fixture.proxy.lastBodyTo("payments/consult").contains("\"value\":\"100\""),
                "without an amount, one major unit is consulted");
    }

    private static PaymentInProcess paid(String card, CaptureMode captureMode) {
        PaymentRequest request = request("4200", hosted().captureMode(captureMode).build());
        PaymentInProcess created = completed(fixture.gateway.pay(request));
        fixture.antom.completePayment(created.paymentId().value(), card, false);
        return created;
    }

    private static List<Fact> completedInquiry(PaymentInquiry inquiry) {
        return completed(fixture.gateway.inquirePayment(inquiry));
    }

    private static void assertRefused(String code, GatewayOutcome<?> outcome) {
        GatewayOutcome.Refused<?> refused = assertInstanceOf(GatewayOutcome.Refused.class, outcome, outcome.toString());
        assertEquals(code, refused.code().value(), outcome.toString());
    }
}
