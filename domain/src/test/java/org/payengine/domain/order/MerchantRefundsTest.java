package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.sgd;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.RefundCompleted;
import org.payengine.domain.event.RefundDeclined;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.DuplicateNotRefundable;
import org.payengine.domain.order.OrderRejection.RefundAmountNotPositive;
import org.payengine.domain.order.OrderRejection.RefundCurrencyMismatch;
import org.payengine.domain.order.OrderRejection.RefundExceedsCaptured;
import org.payengine.domain.order.OrderRejection.RefundNeedsCapture;
import org.payengine.domain.testing.OrderProbe;

class MerchantRefundsTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    private PaymentRequestId captured() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(id));
        return id;
    }

    private Result<Refund> refund(PaymentRequestId id, Money amount, String requestId) {
        return probe.order().requestRefund(id, amount, "damaged item", RefundRequestId.of(requestId),
                AuditSource.MERCHANT, probe.now());
    }

    private static RefundSucceeded succeeded(Refund refund) {
        return new RefundSucceeded(refund.requestId(), RefundId.of("antom-" + refund.requestId().value()),
                refund.amount(), null);
    }

    @Test
    public void a_refund_is_written_requested_before_the_gateway_is_called_and_audited() {
        PaymentRequestId id = captured();
        probe.markSeen();

        Refund refund = refund(id, sgd(1000), "refund-1").value();

        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertEquals(List.of(refund), probe.attempt(id).refunds());
        List<AuditEntry> audit = probe.newAuditEntries(AuditSubject.REFUND);
        assertEquals(1, audit.size());
        assertEquals("refund-1", audit.get(0).subjectId());
        assertEquals(AuditSource.MERCHANT, audit.get(0).source());
    }

    @Test
    public void partial_refunds_then_the_rest_make_the_payment_and_the_order_refunded() {
        PaymentRequestId id = captured();
        Refund first = refund(id, sgd(1000), "refund-1").value();
        probe.apply(succeeded(first), FactSource.API_RESPONSE);
        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
        assertEquals(OrderStatus.PAID, probe.order().status());
        assertEquals(sgd(1000), probe.attempt(id).refundedAmount());
        assertEquals(sgd(3200), probe.attempt(id).refundable());
        probe.markSeen();

        Refund rest = refund(id, sgd(3200), "refund-2").value();
        probe.apply(succeeded(rest), FactSource.NOTIFICATION);

        assertEquals(AttemptStatus.REFUNDED, probe.status(id));
        assertEquals(OrderStatus.REFUNDED, probe.order().status());
        assertEquals(AMOUNT, probe.attempt(id).refundedAmount());
        RefundCompleted event = probe.newEvents(RefundCompleted.class).get(0);
        assertEquals("refund.succeeded", event.type());
        assertEquals(sgd(3200), event.amount());
        assertEquals(AMOUNT, event.refundedAmount());
        assertTrue(event.fullyRefunded());
        assertTrue(probe.newAuditEntries(AuditSubject.ORDER).stream()
                .anyMatch(entry -> "REFUNDED".equals(entry.toState())));
    }

    @Test
    public void refunds_awaiting_antom_count_against_what_is_left_to_refund_and_failed_ones_do_not() {
        PaymentRequestId id = captured();
        Refund pending = refund(id, sgd(3000), "refund-1").value();

        Result<Refund> tooMuch = refund(id, sgd(1201), "refund-2");

        RefundExceedsCaptured refused = assertInstanceOf(RefundExceedsCaptured.class, tooMuch.rejection());
        assertEquals(sgd(1200), refused.refundable());
        probe.apply(new RefundFailed(pending.requestId(), ResultCode.of("REFUND_WINDOW_EXCEED"), "too late"));
        assertTrue(refund(id, AMOUNT, "refund-3").isAccepted());
    }

    @Test
    public void a_refund_of_a_fully_refunded_payment_exceeds_what_was_captured() {
        PaymentRequestId id = captured();
        probe.apply(succeeded(refund(id, AMOUNT, "refund-1").value()));

        assertInstanceOf(RefundExceedsCaptured.class, refund(id, sgd(1), "refund-2").rejection());
    }

    @Test
    public void only_captured_payments_in_their_currency_and_positive_amounts_are_refunded() {
        PaymentRequestId authorized = probe.authorized("pay-1", manualCapture());
        assertInstanceOf(RefundNeedsCapture.class, refund(authorized, sgd(100), "refund-1").rejection());
        assertEquals("NOT_CAPTURED", refund(authorized, sgd(100), "refund-1").rejection().code());

        OrderProbe other = OrderProbe.newOrder();
        PaymentRequestId id = other.authorized("pay-1", automaticCapture());
        other.apply(automaticCaptureSucceeded(id));
        Result<Refund> inDollars = other.order().requestRefund(id, Money.of("USD", 100), null,
                RefundRequestId.of("refund-2"), AuditSource.MERCHANT, other.now());
        assertInstanceOf(RefundCurrencyMismatch.class, inDollars.rejection());
        Result<Refund> nothing = other.order().requestRefund(id, sgd(0), null, RefundRequestId.of("refund-3"),
                AuditSource.MERCHANT, other.now());
        assertInstanceOf(RefundAmountNotPositive.class, nothing.rejection());
    }

    @Test
    public void a_duplicate_is_refunded_by_the_engine_not_by_the_merchant() {
        PaymentRequestId first = probe.pending("pay-1", automaticCapture());
        PaymentRequestId second = probe.pending("pay-2", automaticCapture());
        probe.apply(org.payengine.domain.testing.Fixtures.succeeded(first));
        probe.apply(automaticCaptureSucceeded(first));
        probe.apply(org.payengine.domain.testing.Fixtures.succeeded(second));
        probe.apply(automaticCaptureSucceeded(second));

        assertInstanceOf(DuplicateNotRefundable.class, refund(second, sgd(100), "refund-1").rejection());
    }

    @Test
    public void a_refund_result_from_three_sources_in_any_order_is_applied_once() {
        PaymentRequestId id = captured();
        Refund refund = refund(id, sgd(1000), "refund-1").value();
        probe.markSeen();

        probe.apply(new RefundProcessing(refund.requestId(), RefundId.of("antom-refund-1")), FactSource.API_RESPONSE);
        probe.apply(succeeded(refund), FactSource.NOTIFICATION);
        probe.apply(succeeded(refund), FactSource.INQUIRY);
        probe.apply(new RefundProcessing(refund.requestId(), RefundId.of("antom-refund-1")), FactSource.INQUIRY);

        Refund after = probe.attempt(id).refund(refund.requestId()).orElseThrow();
        assertEquals(RefundStatus.SUCCEEDED, after.status());
        assertEquals(1, probe.newEvents(RefundCompleted.class).size());
        assertEquals(2, probe.newAuditEntries(AuditSubject.REFUND).size(), "REQUESTED->PROCESSING->SUCCEEDED");
    }

    @Test
    public void a_failed_refund_never_becomes_a_success_and_says_so_to_the_merchant() {
        PaymentRequestId id = captured();
        Refund refund = refund(id, sgd(1000), "refund-1").value();
        probe.markSeen();

        probe.apply(new RefundFailed(refund.requestId(), ResultCode.of("REFUND_WINDOW_EXCEED"), "too late"));
        FactOutcome late = probe.apply(succeeded(refund));

        assertEquals(RefundStatus.FAILED, probe.attempt(id).refund(refund.requestId()).orElseThrow().status());
        assertEquals(FactOutcome.Kind.RECORDED_FOR_REVIEW, late.kind());
        RefundDeclined declined = probe.newEvents(RefundDeclined.class).get(0);
        assertEquals("refund.failed", declined.type());
        assertEquals("REFUND_WINDOW_EXCEED", declined.code().value());
        assertEquals(sgd(1000), declined.amount());
    }

    @Test
    public void a_refund_antom_reports_for_another_amount_is_set_aside_for_review() {
        PaymentRequestId id = captured();
        Refund refund = refund(id, sgd(1000), "refund-1").value();

        FactOutcome outcome = probe.apply(new RefundSucceeded(refund.requestId(), RefundId.of("antom-1"), sgd(4200), null));

        assertEquals(FactOutcome.Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals(RefundStatus.REQUESTED, probe.attempt(id).refund(refund.requestId()).orElseThrow().status());
        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
    }
}
