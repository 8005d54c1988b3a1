package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.paidPayment;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.event.CaptureDeadlineNear;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.OrderRejection.CaptureAmountMismatch;
import org.payengine.domain.order.OrderRejection.CaptureWindowExpired;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.WorkKind;

class CapturePaymentTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    private Result<PaymentAttempt> capture(PaymentAttempt attempt) {
        return engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(attempt.id()));
    }

    @Test
    public void capturing_an_authorization_pays_the_order() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);

        PaymentAttempt captured = capture(authorized).value();

        assertEquals(AttemptStatus.CAPTURED, captured.status());
        assertEquals(CaptureStatus.SUCCEEDED, captured.capture().status());
        assertTrue(engine.outbox.eventsOf(authorized.orderId()).stream().anyMatch(OrderPaid.class::isInstance));
        CaptureRequest sent = engine.gateway.requests(CaptureRequest.class).get(0);
        assertEquals(captured.capture().requestId(), sent.captureRequestId());
        assertEquals(authorized.paymentId(), sent.paymentId());
        assertEquals(authorized.amount(), sent.amount());
    }

    @Test
    public void an_unanswered_capture_is_sent_again_with_the_same_capture_request_id() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.gateway.loseNextAnswer(Operation.CAPTURE);

        PaymentAttempt unanswered = capture(authorized).value();
        PaymentAttempt retried = capture(authorized).value();

        assertEquals(CaptureStatus.REQUESTED, unanswered.capture().status(), "no answer is not a failure");
        assertEquals(CaptureStatus.SUCCEEDED, retried.capture().status());
        List<CaptureRequest> sent = engine.gateway.requests(CaptureRequest.class);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).captureRequestId(), sent.get(1).captureRequestId());
    }

    @Test
    public void a_refused_capture_is_failed_and_retried_with_the_same_id_inside_the_window() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.gateway.answerNext(Operation.CAPTURE, GatewayOutcome.refused(ResultCode.of("PROCESS_FAIL"), "try later"));

        PaymentAttempt failed = capture(authorized).value();
        PaymentAttempt retried = capture(authorized).value();

        assertEquals(AttemptStatus.AUTHORIZED, failed.status());
        assertEquals(CaptureStatus.FAILED, failed.capture().status());
        assertEquals(CaptureStatus.SUCCEEDED, retried.capture().status());
        assertEquals(failed.capture().requestId(), retried.capture().requestId());
    }

    @Test
    public void capture_is_refused_after_the_seven_day_window_without_calling_antom() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.clock.advance(Duration.ofDays(7));

        Result<PaymentAttempt> capture = capture(authorized);

        assertEquals("CAPTURE_WINDOW_EXPIRED", assertInstanceOf(CaptureWindowExpired.class, capture.rejection()).code());
        assertTrue(engine.gateway.requests(CaptureRequest.class).isEmpty());
    }

    @Test
    public void capture_is_refused_for_another_amount() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);

        Result<PaymentAttempt> capture = engine.useCases.capturePayment().capture(
                new CapturePayment.Command(authorized.id(), Money.of("SGD", 100), AuditSource.MERCHANT));

        assertInstanceOf(CaptureAmountMismatch.class, capture.rejection());
    }

    @Test
    public void the_capture_guard_warns_once_before_the_deadline() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);

        assertTrue(engine.dueWork.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()).isPresent());
        assertTrue(engine.useCases.warnCaptureDeadline().warn(authorized.id()));
        assertTrue(!engine.useCases.warnCaptureDeadline().warn(authorized.id()));

        assertEquals(1, engine.outbox.eventsOf(authorized.orderId()).stream()
                .filter(CaptureDeadlineNear.class::isInstance).count());
    }

    @Test
    public void the_merchant_api_codes_for_refused_captures() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.MANUAL);
        assertEquals("NOT_AUTHORIZED", capture(pending).rejection().code());

        UseCaseFixtures.notifyBuyerPaid(engine, pending.id());
        capture(pending);
        assertEquals("ALREADY_CAPTURED", capture(pending).rejection().code());
    }
}
