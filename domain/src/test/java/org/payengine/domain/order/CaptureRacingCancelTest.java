package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.cancelled;
import static org.payengine.domain.testing.Fixtures.captureProcessing;
import static org.payengine.domain.testing.Fixtures.captureRequestIdOf;
import static org.payengine.domain.testing.Fixtures.captureSucceeded;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.paymentIdOf;
import static org.payengine.domain.testing.Fixtures.succeeded;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.AuthorizationReleased;
import org.payengine.domain.event.CaptureDeclined;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.CaptureInProgress;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.testing.OrderProbe;

/**
 * A capture and a cancel of one authorization sent at the same time: they are ordered on the order, one wins, the
 * other learns the truth, and no capture is left waiting for an answer that cannot come.
 */
class CaptureRacingCancelTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    private PaymentRequestId authorizedWithCaptureRequested() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        probe.order().requestCapture(id, AMOUNT, captureRequestIdOf(id), AuditSource.MERCHANT, probe.now()).value();
        return id;
    }

    /** What Antom answers a capture of a payment it cancelled. */
    private static CaptureFailed captureOfCancelledPaymentRefused(PaymentRequestId id) {
        return new CaptureFailed(paymentIdOf(id), captureRequestIdOf(id), ResultCode.of("ORDER_IS_CANCELED"),
                "The order is cancelled.");
    }

    @Test
    public void a_cancel_waits_while_a_capture_is_on_its_way_to_antom() {
        PaymentRequestId id = authorizedWithCaptureRequested();

        CaptureInProgress refusal = assertInstanceOf(CaptureInProgress.class,
                probe.order().checkCancellable(id).rejection());

        assertEquals("CAPTURE_IN_PROGRESS", refusal.code());
        assertTrue(refusal.message().contains("pay-1") && refusal.message().contains("REQUESTED"), refusal.message());
    }

    @Test
    public void a_cancel_waits_while_antom_is_still_capturing() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(captureProcessing(id), FactSource.API_RESPONSE);

        assertInstanceOf(CaptureInProgress.class, probe.order().checkCancellable(id).rejection());
    }

    @Test
    public void once_the_capture_failed_the_authorization_may_be_cancelled() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(captureOfCancelledPaymentRefused(id), FactSource.API_RESPONSE);

        assertTrue(probe.order().checkCancellable(id).isAccepted());
    }

    @Test
    public void once_the_capture_succeeded_the_cancel_is_answered_that_it_is_captured() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(captureSucceeded(id), FactSource.API_RESPONSE);

        assertInstanceOf(AlreadyCaptured.class, probe.order().checkCancellable(id).rejection());
    }

    @Test
    public void a_cancel_antom_confirmed_fails_the_capture_it_overtook() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.markSeen();

        FactOutcome outcome = probe.apply(cancelled(id), FactSource.API_RESPONSE);

        assertEquals(Kind.APPLIED, outcome.kind());
        PaymentAttempt attempt = probe.attempt(id);
        assertEquals(AttemptStatus.CANCELLED, attempt.status());
        assertEquals(CaptureStatus.FAILED, attempt.capture().status());
        assertEquals("ORDER_IS_CANCELED", attempt.capture().failure().code().value());
        assertEquals(captureRequestIdOf(id), attempt.capture().requestId(), "the capture keeps its request id");
        CaptureDeclined declined = probe.newEvents(CaptureDeclined.class).get(0);
        assertEquals(id, declined.attempt());
        assertEquals(1, probe.newEvents(AuthorizationReleased.class).size());
        AuditEntry captureChange = probe.newAuditEntries(AuditSubject.CAPTURE).get(0);
        assertEquals("REQUESTED", captureChange.fromState());
        assertEquals("FAILED", captureChange.toState());
        assertEquals(OrderStatus.CLOSED, probe.order().status());
    }

    @Test
    public void a_cancel_confirmed_while_antom_was_said_to_be_capturing_fails_that_capture_too() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(captureProcessing(id), FactSource.API_RESPONSE);

        probe.apply(cancelled(id), FactSource.INQUIRY);

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        assertEquals(CaptureStatus.FAILED, probe.attempt(id).capture().status());
    }

    @Test
    public void the_captures_own_refusal_arriving_after_the_cancel_changes_nothing() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(cancelled(id), FactSource.API_RESPONSE);
        probe.markSeen();

        FactOutcome outcome = probe.apply(captureOfCancelledPaymentRefused(id), FactSource.API_RESPONSE);

        assertEquals(Kind.NO_CHANGE, outcome.kind());
        assertEquals(List.of(), probe.newEvents());
        assertEquals(CaptureStatus.FAILED, probe.attempt(id).capture().status());
    }

    @Test
    public void the_captures_refusal_arriving_before_the_cancel_leaves_the_same_end_state() {
        PaymentRequestId id = authorizedWithCaptureRequested();

        probe.apply(captureOfCancelledPaymentRefused(id), FactSource.API_RESPONSE);
        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        assertEquals(CaptureStatus.FAILED, probe.attempt(id).capture().status());
        assertEquals("ORDER_IS_CANCELED", probe.attempt(id).capture().failure().code().value());
    }

    @Test
    public void a_capture_asked_for_after_the_cancel_is_answered_that_the_payment_is_cancelled() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        NotAuthorized refusal = assertInstanceOf(NotAuthorized.class, probe.order()
                .requestCapture(id, AMOUNT, captureRequestIdOf(id), AuditSource.MERCHANT, probe.now()).rejection());

        assertEquals(AttemptStatus.CANCELLED, refusal.status());
    }

    @Test
    public void a_capture_success_after_the_cancel_is_real_money_and_raised_for_review() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        FactOutcome outcome = probe.apply(captureSucceeded(id), FactSource.NOTIFICATION);

        assertEquals(Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        Review review = probe.attempt(id).reviews().get(0);
        assertEquals("CAPTURE_AFTER_CANCELLED", review.reason());
        assertTrue(review.moneyAtRisk());
    }

    @Test
    public void a_cancelled_duplicate_whose_automatic_capture_was_processing_is_left_with_nothing_awaited() {
        PaymentRequestId first = probe.pending("pay-1", automaticCapture());
        PaymentRequestId duplicate = probe.pending("pay-2", automaticCapture());
        probe.apply(succeeded(first));
        probe.apply(succeeded(duplicate));
        probe.apply(captureProcessing(duplicate), FactSource.NOTIFICATION);

        probe.apply(cancelled(duplicate), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.AUTHORIZED, probe.status(first));
        assertEquals(AttemptStatus.CANCELLED, probe.status(duplicate));
        assertEquals(RemediationStatus.CANCELLED, probe.attempt(duplicate).remediation().orElseThrow());
        assertEquals(CaptureStatus.FAILED, probe.attempt(duplicate).capture().status());
    }

    @Test
    public void no_attempt_can_hold_an_unanswered_capture_unless_it_is_authorized() {
        PaymentRequestId id = authorizedWithCaptureRequested();
        PaymentAttempt withCaptureRequested = probe.attempt(id);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PaymentAttempt.restore(withCaptureRequested.id(), withCaptureRequested.orderId(),
                        withCaptureRequested.amount(), withCaptureRequested.options(), AttemptStatus.CANCELLED,
                        withCaptureRequested.initiatedAt(), withCaptureRequested.expiresAt(),
                        withCaptureRequested.paymentId(), null, null, withCaptureRequested.authorization(),
                        withCaptureRequested.card(), withCaptureRequested.capture(), false, List.of(), List.of()));

        assertTrue(refused.getMessage().contains("awaiting Antom's answer"), refused.getMessage());
    }
}
