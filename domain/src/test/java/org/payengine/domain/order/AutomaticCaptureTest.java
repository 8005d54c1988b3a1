package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;
import static org.payengine.domain.testing.Fixtures.cancelled;
import static org.payengine.domain.testing.Fixtures.captureFailed;
import static org.payengine.domain.testing.Fixtures.captureIdOf;
import static org.payengine.domain.testing.Fixtures.failed;
import static org.payengine.domain.testing.Fixtures.paymentIdOf;
import static org.payengine.domain.testing.Fixtures.sgd;
import static org.payengine.domain.testing.Fixtures.succeeded;
import static org.payengine.domain.testing.Fixtures.visaCard;

import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.CaptureCompleted;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.testing.OrderProbe;

class AutomaticCaptureTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    @Test
    public void an_authorized_payment_waits_for_antoms_capture() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());

        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
        assertNull(probe.attempt(id).capture());
        assertNull(probe.attempt(id).captureDeadline(), "there is no merchant capture window");
        assertEquals(OrderStatus.AUTHORIZED, probe.order().status());
    }

    @Test
    public void antoms_capture_completes_the_payment_with_antoms_ids() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());
        probe.markSeen();

        probe.apply(automaticCaptureSucceeded(id));

        Capture capture = probe.attempt(id).capture();
        assertEquals(CaptureStatus.SUCCEEDED, capture.status());
        assertEquals(CaptureRequestId.of("antom-auto-pay-1"), capture.requestId());
        assertEquals(captureIdOf(id), capture.captureId());
        assertEquals(OrderStatus.PAID, probe.order().status());
        assertEquals(1, probe.newEvents(OrderPaid.class).size());
        assertEquals(1, probe.newEvents(CaptureCompleted.class).size());
        assertEquals("SUCCEEDED", probe.newAuditEntries(AuditSubject.CAPTURE).get(0).toState());
    }

    @Test
    public void a_capture_success_before_the_payment_success_proves_the_authorization() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.markSeen();

        probe.apply(automaticCaptureSucceeded(id));

        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
        assertEquals(OrderStatus.PAID, probe.order().status());
        assertEquals(id, probe.order().snapshot().successfulAttempt());
        assertEquals(1, probe.newEvents(OrderPaid.class).size());
        var attemptAudit = probe.newAuditEntries(AuditSubject.ATTEMPT).get(0);
        assertEquals("PENDING", attemptAudit.fromState());
        assertEquals("CAPTURED", attemptAudit.toState());
    }

    @Test
    public void the_payment_success_after_the_capture_only_fills_in_the_card_facts() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(id));
        probe.markSeen();

        FactOutcome outcome = probe.apply(succeeded(id));

        assertEquals(Kind.APPLIED, outcome.kind());
        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
        assertEquals(visaCard(), probe.attempt(id).card());
        assertTrue(probe.newEvents().isEmpty());
        assertTrue(probe.newAuditEntries().isEmpty());
    }

    @Test
    public void a_capture_failure_before_the_payment_result_is_premature() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        FactOutcome outcome = probe.apply(captureFailed(id));

        assertEquals(Kind.PREMATURE, outcome.kind());
        assertEquals(AttemptStatus.PENDING, probe.status(id));
    }

    @Test
    public void a_capture_for_an_attempt_whose_payment_id_is_not_known_yet_is_not_found() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());

        assertEquals(Kind.NOT_FOUND, probe.apply(automaticCaptureSucceeded(id)).kind());
    }

    @Test
    public void a_capture_after_a_cancellation_is_raised_for_review() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(cancelled(id), FactSource.API_RESPONSE);
        probe.markSeen();

        probe.apply(automaticCaptureSucceeded(id));

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        NeedsReview review = probe.newEvents(NeedsReview.class).get(0);
        assertEquals("CAPTURE_AFTER_CANCELLED", review.reason());
        assertTrue(review.moneyAtRisk());
    }

    @Test
    public void a_capture_after_a_failure_is_raised_for_review() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(id));

        probe.apply(automaticCaptureSucceeded(id));

        assertEquals(AttemptStatus.FAILED, probe.status(id));
        assertEquals("CAPTURE_AFTER_FAILED", probe.attempt(id).reviews().get(0).reason());
    }

    @Test
    public void a_second_capture_of_one_attempt_is_raised_for_review() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(id));

        FactOutcome outcome = probe.apply(new CaptureSucceeded(paymentIdOf(id), CaptureRequestId.of("antom-auto-pay-1"),
                CaptureId.of("another-capture"), sgd(4200), probe.now()));

        assertEquals(Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals("SECOND_CAPTURE", probe.attempt(id).reviews().get(0).reason());
    }

    @Test
    public void a_capture_for_another_amount_is_raised_for_review() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());

        probe.apply(new CaptureSucceeded(paymentIdOf(id), null, captureIdOf(id), sgd(1), probe.now()));

        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
        assertEquals("AMOUNT_MISMATCH", probe.attempt(id).reviews().get(0).reason());
    }
}
