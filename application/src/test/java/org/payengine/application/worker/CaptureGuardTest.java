package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.CAPTURE_GUARD;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.domain.event.AuthorizationReleased;
import org.payengine.domain.event.CaptureDeadlineNear;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.WorkKind;

class CaptureGuardTest {

    private WorkerFixture fixture = new WorkerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void warns_ahead_of_the_deadline_once_then_cancels_just_before_it() {
        CaptureGuardSettings guard = fixture.workers.settings().guard();
        PaymentAttempt authorized = authorized();
        Instant deadline = authorized.captureDeadline();

        fixture.run(CAPTURE_GUARD);
        assertEquals(Optional.of(fixture.now().plus(guard.recheck())),
                fixture.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()), "looked at again within the hour");
        assertEquals(0, count(CaptureDeadlineNear.class));
        fixture.advanceTo(deadline.minus(guard.lead()).minus(guard.recheck().dividedBy(2)));
        fixture.run(CAPTURE_GUARD);
        assertEquals(Optional.of(deadline.minus(guard.lead())), fixture.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()),
                "the next step comes before the next recheck");

        fixture.advanceTo(deadline.minus(guard.lead()));
        fixture.run(CAPTURE_GUARD);
        assertEquals(1, count(CaptureDeadlineNear.class));
        assertEquals(Optional.of(fixture.now().plus(guard.recheck())),
                fixture.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()));
        fixture.advance(guard.recheck());
        fixture.run(CAPTURE_GUARD);

        fixture.advanceTo(deadline.minus(guard.margin()));
        fixture.run(CAPTURE_GUARD);

        assertEquals(1, count(CaptureDeadlineNear.class), "warned once");
        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(authorized.id()).status());
        assertEquals(1, count(AuthorizationReleased.class));
        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size());
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()));
    }

    @Test
    public void with_the_capture_policy_it_captures_ahead_of_the_deadline() {
        fixture.close();
        fixture = new WorkerFixture(WorkerFixture.settings().withGuard(new CaptureGuardSettings(
                CaptureGuardPolicy.CAPTURE, CaptureGuardSettings.DEFAULT.lead(), CaptureGuardSettings.DEFAULT.margin(),
                CaptureGuardSettings.DEFAULT.recheck())));
        PaymentAttempt authorized = authorized();
        fixture.advanceTo(authorized.captureDeadline().minus(CaptureGuardSettings.DEFAULT.lead()));

        fixture.run(CAPTURE_GUARD);

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(authorized.id()).status());
        assertEquals(1, count(CaptureDeadlineNear.class));
        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty());
    }

    @Test
    public void never_acts_at_antom_at_or_after_the_deadline() {
        PaymentAttempt authorized = authorized();
        fixture.advanceTo(authorized.captureDeadline());

        fixture.run(CAPTURE_GUARD);

        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty());
        assertTrue(fixture.engine.gateway.requests(CaptureRequest.class).isEmpty());
        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(authorized.id()).status(), "settled only by Antom's word");
    }

    @Test
    public void a_capture_on_its_way_is_not_cancelled() {
        PaymentAttempt authorized = authorized();
        fixture.engine.gateway.answerNext(Operation.CAPTURE, GatewayOutcome.unknown("read timed out", true));
        fixture.engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id()));
        fixture.advanceTo(authorized.captureDeadline().minus(fixture.workers.settings().guard().margin()));

        fixture.run(CAPTURE_GUARD);

        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty());
        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(authorized.id()).status());
    }

    @Test
    public void a_captured_payment_is_no_longer_guarded() {
        PaymentAttempt authorized = authorized();
        fixture.engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id()));

        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.CAPTURE_DEADLINE, authorized.id()));
    }

    @Test
    public void a_cancel_whose_answer_was_lost_is_left_to_the_cancel_follow_up_not_sent_again_by_the_guard() {
        PaymentAttempt authorized = authorized();
        fixture.engine.gateway.loseNextAnswer(Operation.CANCEL);
        fixture.advanceTo(authorized.captureDeadline().minus(fixture.workers.settings().guard().margin()));
        fixture.run(CAPTURE_GUARD);
        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size());
        assertTrue(fixture.attempt(authorized.id()).authorization().cancelAwaited());

        fixture.advance(Duration.ofMinutes(1));
        fixture.run(CAPTURE_GUARD);

        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size(), "the guard does not send it again");
        fixture.advance(fixture.workers.settings().followUps().callWindow());
        fixture.run(BackgroundWorkers.CANCEL_FOLLOW_UP);
        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(authorized.id()).status());
    }

    private PaymentAttempt authorized() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.MANUAL);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        return fixture.attempt(pending.id());
    }

    private long count(Class<? extends DomainEvent> type) {
        List<DomainEvent> events = fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1"));
        return events.stream().filter(type::isInstance).count();
    }
}
