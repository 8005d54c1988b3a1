package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.ORDER_ID;
import static org.payengine.domain.testing.Fixtures.T0;
import static org.payengine.domain.testing.Fixtures.attempt;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.captureSucceeded;
import static org.payengine.domain.testing.Fixtures.failed;
import static org.payengine.domain.testing.Fixtures.inProcess;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.newOrder;
import static org.payengine.domain.testing.Fixtures.options;
import static org.payengine.domain.testing.Fixtures.succeeded;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.order.OrderRejection.IssuerAuthenticationNeedsAutomaticCapture;
import org.payengine.domain.order.OrderRejection.OrderNotOpen;
import org.payengine.domain.order.OrderRejection.PaymentRequestIdInUse;

class StartingAttemptsTest {

    @Test
    void a_new_order_is_open_and_audited() {
        Order order = newOrder();

        assertEquals(OrderStatus.OPEN, order.status());
        assertEquals(0, order.version());
        AuditEntry created = order.pendingAuditEntries().get(0);
        assertEquals(AuditSubject.ORDER, created.subject());
        assertNull(created.fromState());
        assertEquals("OPEN", created.toState());
    }

    @Test
    void an_attempt_is_initiated_before_the_gateway_is_called() {
        Order order = newOrder();

        PaymentAttempt attempt = order.startAttempt(attempt("pay-1"), automaticCapture(), T0).value();

        assertEquals(AttemptStatus.INITIATED, attempt.status());
        assertEquals(ORDER_ID, attempt.orderId());
        assertEquals(AMOUNT, attempt.amount());
        assertEquals(T0, attempt.initiatedAt());
        assertTrue(order.hasChanges());
        AuditEntry audit = order.pendingAuditEntries().get(1);
        assertEquals(AuditSubject.ATTEMPT, audit.subject());
        assertEquals("pay-1", audit.subjectId());
        assertEquals("INITIATED", audit.toState());
        assertEquals(AuditSource.MERCHANT, audit.source());
    }

    @Test
    void an_attempt_expires_fourteen_minutes_after_the_pay_call_by_default() {
        PaymentAttempt attempt = newOrder().startAttempt(attempt("pay-1"), automaticCapture(), T0).value();

        assertEquals(T0.plus(Duration.ofMinutes(14)), attempt.expiresAt());
        assertTrue(attempt.isExpiredAt(T0.plus(Duration.ofMinutes(14))));
    }

    @Test
    void an_attempt_expires_when_the_merchant_asked() {
        PaymentOptions fiveMinutes = options(CaptureMode.AUTOMATIC).expiresIn(Duration.ofMinutes(5)).build();

        PaymentAttempt attempt = newOrder().startAttempt(attempt("pay-1"), fiveMinutes, T0).value();

        assertEquals(T0.plus(Duration.ofMinutes(5)), attempt.expiresAt());
    }

    @Test
    void every_attempt_has_a_new_payment_request_id() {
        Order order = newOrder();
        order.startAttempt(attempt("pay-1"), automaticCapture(), T0);

        Result<PaymentAttempt> again = order.startAttempt(attempt("pay-1"), automaticCapture(), T0);

        assertInstanceOf(PaymentRequestIdInUse.class, again.rejection());
    }

    @Test
    void a_new_attempt_may_start_after_a_failed_one() {
        Order order = newOrder();
        order.startAttempt(attempt("pay-1"), automaticCapture(), T0);
        order.apply(failed(attempt("pay-1")), FactSource.NOTIFICATION, T0.plusSeconds(30));

        Result<PaymentAttempt> retry = order.startAttempt(attempt("pay-2"), automaticCapture(), T0.plusSeconds(40));

        assertTrue(retry.isAccepted());
        assertEquals(2, order.attempts().size());
        assertEquals(OrderStatus.OPEN, order.status());
    }

    @Test
    void a_new_attempt_is_refused_once_the_order_is_authorized() {
        Order order = newOrder();
        order.startAttempt(attempt("pay-1"), manualCapture(), T0);
        order.apply(succeeded(attempt("pay-1")), FactSource.NOTIFICATION, T0.plusSeconds(60));

        Result<PaymentAttempt> second = order.startAttempt(attempt("pay-2"), automaticCapture(), T0.plusSeconds(70));

        OrderNotOpen refusal = assertInstanceOf(OrderNotOpen.class, second.rejection());
        assertEquals("ORDER_ALREADY_PAID", refusal.code());
        assertEquals(OrderStatus.AUTHORIZED, refusal.status());
        assertTrue(refusal.message().contains("order-1"), refusal.message());
    }

    @Test
    void a_new_attempt_is_refused_once_the_order_is_paid() {
        Order order = newOrder();
        order.startAttempt(attempt("pay-1"), manualCapture(), T0);
        order.apply(inProcess(attempt("pay-1")), FactSource.API_RESPONSE, T0);
        order.apply(captureSucceeded(attempt("pay-1")), FactSource.NOTIFICATION, T0.plusSeconds(60));

        Result<PaymentAttempt> second = order.startAttempt(attempt("pay-2"), automaticCapture(), T0.plusSeconds(70));

        assertEquals(OrderStatus.PAID, assertInstanceOf(OrderNotOpen.class, second.rejection()).status());
    }

    @Test
    void a_new_attempt_is_refused_once_the_order_is_closed() {
        Order order = newOrder();
        order.close("buyer gave up", AuditSource.MERCHANT, T0);

        Result<PaymentAttempt> attempt = order.startAttempt(attempt("pay-1"), automaticCapture(), T0);

        OrderNotOpen refusal = assertInstanceOf(OrderNotOpen.class, attempt.rejection());
        assertTrue(refusal.message().contains("closed"), refusal.message());
    }

    @Test
    void issuer_authentication_is_refused_with_manual_capture() {
        PaymentOptions korean = options(CaptureMode.MANUAL).requireIssuerAuthentication(true).build();

        Result<PaymentAttempt> attempt = newOrder().startAttempt(attempt("pay-1"), korean, T0);

        IssuerAuthenticationNeedsAutomaticCapture refusal =
                assertInstanceOf(IssuerAuthenticationNeedsAutomaticCapture.class, attempt.rejection());
        assertEquals("INVALID_CAPTURE_MODE", refusal.code());
    }

    @Test
    void issuer_authentication_is_accepted_with_automatic_capture() {
        PaymentOptions korean = options(CaptureMode.AUTOMATIC).requireIssuerAuthentication(true).build();

        assertTrue(newOrder().startAttempt(attempt("pay-1"), korean, T0).isAccepted());
    }
}
