package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.CAPTURE_FOLLOW_UP;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.WorkKind;

class CaptureFollowUpTest {

    private final WorkerFixture fixture = new WorkerFixture();
    private final FollowUpPolicy policy = fixture.workers.settings().followUps();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_capture_antom_never_received_is_sent_again_with_the_same_capture_request_id() {
        PaymentAttempt authorized = authorized(CaptureMode.MANUAL);
        fixture.engine.gateway.answerNext(Operation.CAPTURE, GatewayOutcome.unknown("connection reset", true));
        PaymentAttempt requested = fixture.engine.useCases.capturePayment().capture(
                CapturePayment.Command.byMerchant(authorized.id())).value();
        assertEquals(CaptureStatus.REQUESTED, requested.capture().status());

        fixture.run(CAPTURE_FOLLOW_UP);
        assertEquals(CaptureStatus.REQUESTED, fixture.attempt(authorized.id()).capture().status(),
                "within the call window it waits for the call");
        assertEquals(1, fixture.engine.gateway.requests(CaptureRequest.class).size());

        fixture.advance(policy.callWindow());
        fixture.run(CAPTURE_FOLLOW_UP);

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(authorized.id()).status());
        List<CaptureRequest> captures = fixture.engine.gateway.requests(CaptureRequest.class);
        assertEquals(2, captures.size());
        assertEquals(captures.get(0).captureRequestId(), captures.get(1).captureRequestId());
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.CAPTURE_RESULT, authorized.id()));
    }

    @Test
    public void a_capture_whose_answer_was_lost_is_captured_once() {
        PaymentAttempt authorized = authorized(CaptureMode.MANUAL);
        fixture.engine.gateway.loseNextAnswer(Operation.CAPTURE);
        fixture.engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id()));
        fixture.advance(policy.callWindow());

        fixture.run(CAPTURE_FOLLOW_UP);

        PaymentAttempt captured = fixture.attempt(authorized.id());
        assertEquals(AttemptStatus.CAPTURED, captured.status());
        assertEquals(1, fixture.engine.gateway.requests(CaptureRequest.class).stream()
                .map(CaptureRequest::captureRequestId).distinct().count());
    }

    @Test
    public void an_automatic_capture_whose_notification_was_lost_is_found_by_inquiry() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        List<Fact> notifications = fixture.engine.gateway.buyerPays(pending.id());
        fixture.notified(List.of(notifications.get(0)));
        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(pending.id()).status());
        fixture.run(CAPTURE_FOLLOW_UP);
        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(pending.id()).status(), "its notification may still come");
        assertTrue(fixture.engine.gateway.requests(PaymentInquiry.class).isEmpty());

        fixture.advance(policy.resultGrace());
        fixture.run(CAPTURE_FOLLOW_UP);

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
        assertEquals(1, fixture.engine.gateway.requests(PaymentInquiry.class).size());
        assertTrue(fixture.engine.gateway.requests(CaptureRequest.class).isEmpty(), "Antom captures by itself");
    }

    @Test
    public void past_the_capture_deadline_a_capture_is_only_asked_about_never_sent() {
        PaymentAttempt authorized = authorized(CaptureMode.MANUAL);
        fixture.engine.gateway.answerNext(Operation.CAPTURE, GatewayOutcome.unknown("connection reset", true));
        fixture.engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id()));
        fixture.advanceTo(authorized.captureDeadline());
        int inquiries = fixture.engine.gateway.requests(PaymentInquiry.class).size();

        fixture.run(CAPTURE_FOLLOW_UP);

        assertEquals(1, fixture.engine.gateway.requests(CaptureRequest.class).size());
        assertEquals(inquiries + 1, fixture.engine.gateway.requests(PaymentInquiry.class).size());
    }

    private PaymentAttempt authorized(CaptureMode mode) {
        PaymentAttempt pending = fixture.start("order-1", mode);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        return fixture.attempt(pending.id());
    }
}
