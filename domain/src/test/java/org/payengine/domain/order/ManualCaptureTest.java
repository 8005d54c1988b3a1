package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.captureFailed;
import static org.payengine.domain.testing.Fixtures.captureIdOf;
import static org.payengine.domain.testing.Fixtures.captureProcessing;
import static org.payengine.domain.testing.Fixtures.captureRequestIdOf;
import static org.payengine.domain.testing.Fixtures.captureSucceeded;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.sgd;
import static org.payengine.domain.testing.Fixtures.succeededWithAuthExpiry;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.CaptureDeadlineNear;
import org.payengine.domain.event.CaptureDeclined;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.CaptureAmountMismatch;
import org.payengine.domain.order.OrderRejection.CaptureIsAutomatic;
import org.payengine.domain.order.OrderRejection.CaptureWindowExpired;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.order.OrderRejection.PaymentNotFound;
import org.payengine.domain.testing.OrderProbe;

class ManualCaptureTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    private Result<Capture> requestCapture(PaymentRequestId id) {
        return requestCapture(id, AMOUNT);
    }

    private Result<Capture> requestCapture(PaymentRequestId id, Money amount) {
        return probe.order().requestCapture(id, amount, captureRequestIdOf(id), AuditSource.MERCHANT, probe.now());
    }

    @Test
    public void a_capture_is_requested_before_the_gateway_is_called() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        probe.markSeen();

        Capture capture = requestCapture(id).value();

        assertEquals(CaptureStatus.REQUESTED, capture.status());
        assertEquals(captureRequestIdOf(id), capture.requestId());
        assertEquals(AMOUNT, capture.amount());
        assertEquals(capture, probe.attempt(id).capture());
        AuditEntry audit = probe.newAuditEntries(AuditSubject.CAPTURE).get(0);
        assertEquals(null, audit.fromState());
        assertEquals("REQUESTED", audit.toState());
        assertEquals(AuditSource.MERCHANT, audit.source());
    }

    @Test
    public void capture_is_refused_after_the_seven_day_window() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        Instant deadline = probe.now().plus(Duration.ofDays(7));

        probe.at(deadline);
        Result<Capture> capture = requestCapture(id);

        CaptureWindowExpired refusal = assertInstanceOf(CaptureWindowExpired.class, capture.rejection());
        assertEquals("CAPTURE_WINDOW_EXPIRED", refusal.code());
        assertEquals(deadline, refusal.deadline());
        assertTrue(refusal.message().contains("pay-1"), refusal.message());
        assertEquals(null, probe.attempt(id).capture());
    }

    @Test
    public void capture_is_accepted_until_the_last_moment_of_the_window() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());

        probe.after(Duration.ofDays(7).minusMillis(1));

        assertTrue(requestCapture(id).isAccepted());
    }

    @Test
    public void the_window_ends_at_antoms_auth_expiry_when_that_is_earlier() {
        PaymentRequestId id = probe.pending("pay-1", manualCapture());
        Instant authExpiry = probe.now().plus(Duration.ofDays(3));
        probe.apply(succeededWithAuthExpiry(id, probe.now(), authExpiry));

        assertEquals(authExpiry, probe.attempt(id).captureDeadline());
        probe.at(authExpiry);
        assertInstanceOf(CaptureWindowExpired.class, requestCapture(id).rejection());
    }

    @Test
    public void the_window_is_seven_days_when_antoms_auth_expiry_is_later() {
        PaymentRequestId id = probe.pending("pay-1", manualCapture());
        Instant authorizedAt = probe.now();
        probe.apply(succeededWithAuthExpiry(id, authorizedAt, authorizedAt.plus(Duration.ofDays(30))));

        assertEquals(authorizedAt.plus(Duration.ofDays(7)), probe.attempt(id).captureDeadline());
    }

    @Test
    public void the_window_counts_from_antoms_authorization_time() {
        PaymentRequestId id = probe.pending("pay-1", manualCapture());
        Instant paidAt = probe.now().minus(Duration.ofHours(5));

        probe.apply(succeededWithAuthExpiry(id, paidAt, null));

        assertEquals(paidAt.plus(Duration.ofDays(7)), probe.attempt(id).captureDeadline());
    }

    @Test
    public void capture_is_refused_for_any_amount_but_the_authorized_one() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());

        CaptureAmountMismatch less = assertInstanceOf(CaptureAmountMismatch.class,
                requestCapture(id, sgd(4199)).rejection());
        assertInstanceOf(CaptureAmountMismatch.class, requestCapture(id, sgd(4201)).rejection());
        assertInstanceOf(CaptureAmountMismatch.class, requestCapture(id, Money.of("USD", 4200)).rejection());

        assertEquals("CAPTURE_AMOUNT_MISMATCH", less.code());
        assertTrue(less.message().contains("SGD 42.00") && less.message().contains("SGD 41.99"), less.message());
    }

    @Test
    public void capture_is_refused_before_authorization() {
        PaymentRequestId id = probe.pending("pay-1", manualCapture());

        NotAuthorized refusal = assertInstanceOf(NotAuthorized.class, requestCapture(id).rejection());

        assertEquals("NOT_AUTHORIZED", refusal.code());
        assertEquals(AttemptStatus.PENDING, refusal.status());
    }

    @Test
    public void capture_is_refused_for_an_unknown_attempt() {
        assertInstanceOf(PaymentNotFound.class,
                requestCapture(PaymentRequestId.of("pay-nope")).rejection());
    }

    @Test
    public void capture_is_refused_with_automatic_capture() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());

        assertEquals("AUTOMATIC_CAPTURE",
                assertInstanceOf(CaptureIsAutomatic.class, requestCapture(id).rejection()).code());
    }

    @Test
    public void a_second_request_returns_the_same_capture_with_the_same_capture_request_id() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        Capture first = requestCapture(id).value();
        probe.markSeen();

        Capture second = probe.order().requestCapture(id, AMOUNT, CaptureRequestId.of("a-new-id"),
                AuditSource.MERCHANT, probe.now()).value();

        assertEquals(first, second);
        assertTrue(probe.newAuditEntries().isEmpty(), "nothing changed");
    }

    @Test
    public void a_failed_capture_is_retried_with_the_same_capture_request_id() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureFailed(id), FactSource.API_RESPONSE);
        probe.markSeen();

        Capture retried = probe.order().requestCapture(id, AMOUNT, CaptureRequestId.of("a-new-id"),
                AuditSource.MERCHANT, probe.now()).value();

        assertEquals(captureRequestIdOf(id), retried.requestId());
        assertEquals(CaptureStatus.REQUESTED, retried.status());
        AuditEntry audit = probe.newAuditEntries(AuditSubject.CAPTURE).get(0);
        assertEquals("FAILED", audit.fromState());
        assertEquals("REQUESTED", audit.toState());
    }

    @Test
    public void a_failed_capture_is_not_retried_after_the_window() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureFailed(id), FactSource.API_RESPONSE);

        probe.after(Duration.ofDays(8));

        assertInstanceOf(CaptureWindowExpired.class, requestCapture(id).rejection());
    }

    @Test
    public void a_failed_capture_keeps_the_attempt_authorized_and_says_so() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.markSeen();

        probe.apply(captureFailed(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
        assertEquals(CaptureStatus.FAILED, probe.attempt(id).capture().status());
        assertEquals("PROCESS_FAIL", probe.attempt(id).capture().failure().code().value());
        CaptureDeclined event = probe.newEvents(CaptureDeclined.class).get(0);
        assertEquals(probe.attempt(id).captureDeadline(), event.captureDeadline());
    }

    @Test
    public void antoms_capture_success_pays_the_order() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureProcessing(id), FactSource.API_RESPONSE);
        probe.markSeen();

        probe.apply(captureSucceeded(id), FactSource.NOTIFICATION);

        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
        assertEquals(OrderStatus.PAID, probe.order().status());
        assertEquals(captureIdOf(id), probe.attempt(id).capture().captureId());
        assertEquals(captureIdOf(id), probe.newEvents(OrderPaid.class).get(0).captureId());
    }

    @Test
    public void a_captured_payment_is_not_captured_again() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureSucceeded(id));

        assertEquals("ALREADY_CAPTURED", assertInstanceOf(AlreadyCaptured.class, requestCapture(id).rejection()).code());
    }

    @Test
    public void a_capture_processing_report_after_the_success_is_older_news() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureSucceeded(id));

        assertEquals(FactOutcome.Kind.NO_CHANGE, probe.apply(captureProcessing(id), FactSource.INQUIRY).kind());
        assertEquals(CaptureStatus.SUCCEEDED, probe.attempt(id).capture().status());
    }

    @Test
    public void a_capture_failure_after_the_success_is_recorded_for_review() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        requestCapture(id);
        probe.apply(captureSucceeded(id));

        assertEquals(FactOutcome.Kind.RECORDED_FOR_REVIEW, probe.apply(captureFailed(id)).kind());
        assertEquals(AttemptStatus.CAPTURED, probe.status(id));
    }

    @Test
    public void the_capture_deadline_warning_is_raised_once() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        probe.markSeen();

        assertTrue(probe.order().warnCaptureDeadlineNear(id, probe.now()));
        assertFalse(probe.order().warnCaptureDeadlineNear(id, probe.now()));

        assertEquals(1, probe.newEvents(CaptureDeadlineNear.class).size());
        assertEquals(probe.attempt(id).captureDeadline(), probe.newEvents(CaptureDeadlineNear.class).get(0).captureDeadline());
    }
}
