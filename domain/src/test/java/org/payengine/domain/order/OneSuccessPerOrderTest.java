package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;
import static org.payengine.domain.testing.Fixtures.cancelled;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.refundFailed;
import static org.payengine.domain.testing.Fixtures.refundProcessing;
import static org.payengine.domain.testing.Fixtures.refundRequestIdOf;
import static org.payengine.domain.testing.Fixtures.refundSucceeded;
import static org.payengine.domain.testing.Fixtures.succeeded;

import org.junit.jupiter.api.Test;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.DuplicateCancelled;
import org.payengine.domain.event.DuplicateRefunded;
import org.payengine.domain.event.DuplicateSuccessDetected;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.event.OrderAuthorized;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.order.OrderRejection.DuplicateNotCapturable;
import org.payengine.domain.order.OrderRejection.NotADuplicate;
import org.payengine.domain.order.OrderRejection.RefundNeedsCapture;
import org.payengine.domain.testing.OrderProbe;

class OneSuccessPerOrderTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    /** Two tabs: both attempts start while the order is open; the first to succeed is the success. */
    private PaymentRequestId[] twoPendingAttempts(PaymentOptions first, PaymentOptions second) {
        return new PaymentRequestId[] {probe.pending("pay-1", first), probe.pending("pay-2", second)};
    }

    @Test
    public void a_second_success_becomes_a_duplicate_to_cancel() {
        PaymentRequestId[] ids = twoPendingAttempts(manualCapture(), manualCapture());
        probe.apply(succeeded(ids[0]));
        probe.markSeen();

        FactOutcome outcome = probe.apply(succeeded(ids[1]));

        assertEquals(Kind.APPLIED, outcome.kind());
        PaymentAttempt duplicate = probe.attempt(ids[1]);
        assertTrue(duplicate.duplicate());
        assertEquals(AttemptStatus.AUTHORIZED, duplicate.status());
        assertEquals(RemediationStatus.CANCEL_REQUESTED, duplicate.remediation().orElseThrow());
        assertEquals(ids[0], probe.order().snapshot().successfulAttempt(), "the success never changes");
        DuplicateSuccessDetected event = probe.newEvents(DuplicateSuccessDetected.class).get(0);
        assertEquals(ids[1], event.duplicateAttempt());
        assertEquals(ids[0], event.successfulAttempt());
        assertTrue(probe.newEvents(OrderAuthorized.class).isEmpty(), "the order is not authorized twice");
    }

    @Test
    public void a_duplicate_is_never_dropped() {
        PaymentRequestId[] ids = twoPendingAttempts(automaticCapture(), automaticCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));
        probe.apply(automaticCaptureSucceeded(ids[1]));

        assertEquals(2, probe.order().attempts().size());
        PaymentAttempt duplicate = probe.attempt(ids[1]);
        assertEquals(AttemptStatus.CAPTURED, duplicate.status());
        assertTrue(duplicate.duplicate());
        assertEquals(OrderStatus.AUTHORIZED, probe.order().status(), "the duplicate's capture does not pay the order");
    }

    @Test
    public void a_duplicates_capture_does_not_ship_the_order() {
        PaymentRequestId[] ids = twoPendingAttempts(automaticCapture(), automaticCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));
        probe.markSeen();

        probe.apply(automaticCaptureSucceeded(ids[1]));

        assertTrue(probe.newEvents(OrderPaid.class).isEmpty());
    }

    @Test
    public void a_success_after_the_order_was_closed_is_a_duplicate() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.order().close("the buyer left", AuditSource.MERCHANT, probe.now());
        probe.markSeen();

        probe.apply(succeeded(id));

        assertTrue(probe.attempt(id).duplicate());
        assertEquals(OrderStatus.CLOSED, probe.order().status());
        assertNull(probe.newEvents(DuplicateSuccessDetected.class).get(0).successfulAttempt());
    }

    @Test
    public void a_success_after_the_authorization_was_released_is_a_duplicate() {
        PaymentRequestId[] ids = twoPendingAttempts(manualCapture(), manualCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(cancelled(ids[0]), FactSource.API_RESPONSE);

        probe.apply(succeeded(ids[1]));

        assertTrue(probe.attempt(ids[1]).duplicate());
        assertEquals(ids[0], probe.order().snapshot().successfulAttempt());
        assertEquals(OrderStatus.CLOSED, probe.order().status());
    }

    @Test
    public void a_duplicate_is_never_captured() {
        PaymentRequestId[] ids = twoPendingAttempts(manualCapture(), manualCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));

        Result<Capture> capture = probe.order().requestCapture(ids[1], AMOUNT,
                CaptureRequestId.of("cap-x"), AuditSource.MERCHANT, probe.now());

        assertEquals("DUPLICATE_PAYMENT", assertInstanceOf(DuplicateNotCapturable.class, capture.rejection()).code());
    }

    @Test
    public void a_cancelled_duplicate_is_undone() {
        PaymentRequestId[] ids = twoPendingAttempts(manualCapture(), manualCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));
        probe.markSeen();

        probe.apply(cancelled(ids[1]), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CANCELLED, probe.status(ids[1]));
        assertEquals(RemediationStatus.CANCELLED, probe.attempt(ids[1]).remediation().orElseThrow());
        assertEquals(1, probe.newEvents(DuplicateCancelled.class).size());
        assertEquals(OrderStatus.AUTHORIZED, probe.order().status(), "the order's own payment is untouched");
    }

    @Test
    public void a_captured_duplicate_cancelled_by_antom_is_undone() {
        PaymentRequestId[] ids = twoPendingAttempts(automaticCapture(), automaticCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));
        probe.apply(automaticCaptureSucceeded(ids[1]));

        probe.apply(cancelled(ids[1]), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CANCELLED, probe.status(ids[1]));
    }

    @Test
    public void a_captured_duplicate_antom_will_not_cancel_is_refunded_under_one_refund_request_id() {
        PaymentRequestId duplicate = capturedDuplicate();
        RefundRequestId first = refundRequestIdOf(duplicate);
        probe.markSeen();

        Refund refund = probe.order().refundDuplicateInstead(duplicate, first, "cancel refused: CANCEL_WINDOW_EXCEED",
                AuditSource.WORKER, probe.now()).value();
        Refund retried = probe.order().refundDuplicateInstead(duplicate, RefundRequestId.of("another-id"),
                "cancel refused again", AuditSource.WORKER, probe.now()).value();

        assertEquals(first, refund.requestId());
        assertEquals(refund, retried, "the refund request id is generated once and kept");
        assertEquals(AMOUNT, refund.amount());
        assertEquals(RemediationStatus.REFUND_REQUESTED, probe.attempt(duplicate).remediation().orElseThrow());
        assertEquals("REQUESTED", probe.newAuditEntries(AuditSubject.REFUND).get(0).toState());
        assertEquals(1, probe.newAuditEntries(AuditSubject.REFUND).size());
    }

    @Test
    public void antoms_refund_completes_the_undoing_of_a_duplicate() {
        PaymentRequestId duplicate = capturedDuplicate();
        probe.order().refundDuplicateInstead(duplicate, refundRequestIdOf(duplicate), "cancel refused",
                AuditSource.WORKER, probe.now());
        probe.apply(refundProcessing(duplicate), FactSource.API_RESPONSE);
        probe.markSeen();

        probe.apply(refundSucceeded(duplicate));

        assertEquals(AttemptStatus.REFUNDED, probe.status(duplicate));
        assertEquals(RemediationStatus.REFUNDED, probe.attempt(duplicate).remediation().orElseThrow());
        assertEquals(1, probe.newEvents(DuplicateRefunded.class).size());
        assertEquals(OrderStatus.PAID, probe.order().status());
    }

    @Test
    public void a_refused_refund_of_a_duplicate_needs_a_person() {
        PaymentRequestId duplicate = capturedDuplicate();
        probe.order().refundDuplicateInstead(duplicate, refundRequestIdOf(duplicate), "cancel refused",
                AuditSource.WORKER, probe.now());
        probe.markSeen();

        probe.apply(refundFailed(duplicate), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CAPTURED, probe.status(duplicate));
        assertEquals(RemediationStatus.REFUND_FAILED, probe.attempt(duplicate).remediation().orElseThrow());
        NeedsReview review = probe.newEvents(NeedsReview.class).get(0);
        assertEquals("DUPLICATE_REFUND_FAILED", review.reason());
        assertTrue(review.moneyAtRisk());
    }

    @Test
    public void an_authorized_duplicate_is_cancelled_not_refunded() {
        PaymentRequestId[] ids = twoPendingAttempts(manualCapture(), manualCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(succeeded(ids[1]));

        Result<Refund> refund = probe.order().refundDuplicateInstead(ids[1], refundRequestIdOf(ids[1]), "why",
                AuditSource.WORKER, probe.now());

        assertEquals("NOT_CAPTURED", assertInstanceOf(RefundNeedsCapture.class, refund.rejection()).code());
    }

    @Test
    public void only_duplicates_are_refunded() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());

        Result<Refund> refund = probe.order().refundDuplicateInstead(id, refundRequestIdOf(id), "why",
                AuditSource.WORKER, probe.now());

        assertInstanceOf(NotADuplicate.class, refund.rejection());
        assertFalse(probe.attempt(id).duplicate());
    }

    private PaymentRequestId capturedDuplicate() {
        PaymentRequestId[] ids = twoPendingAttempts(automaticCapture(), automaticCapture());
        probe.apply(succeeded(ids[0]));
        probe.apply(automaticCaptureSucceeded(ids[0]));
        probe.apply(succeeded(ids[1]));
        probe.apply(automaticCaptureSucceeded(ids[1]));
        return ids[1];
    }
}
