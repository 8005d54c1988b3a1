package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.PAYMENT_POLLER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.WorkKind;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.PaymentAttemptCancelled;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

class PaymentResultPollerTest {

    private final WorkerFixture fixture = new WorkerFixture();
    private final PollSchedule schedule = fixture.workers.settings().poll();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_notification_that_never_came_is_made_up_for_by_polling() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.engine.gateway.buyerPays(pending.id());
        fixture.advance(Duration.ofSeconds(2));

        fixture.run(PAYMENT_POLLER);

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()), "nothing left to poll");
    }

    @Test
    public void polls_every_two_seconds_at_first_then_less_and_less_often() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        Instant started = fixture.now();

        fixture.run(PAYMENT_POLLER);
        assertEquals(Optional.of(started.plusSeconds(2)), fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()));

        fixture.advanceTo(started.plus(schedule.fastPhase()).plusSeconds(10));
        fixture.run(PAYMENT_POLLER);
        assertEquals(Optional.of(fixture.now().plusSeconds(10)), fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()),
                "ten seconds past the fast phase, the next poll is ten seconds away");

        fixture.advanceTo(started.plus(schedule.fastPhase()).plusSeconds(40));
        fixture.run(PAYMENT_POLLER);
        assertEquals(Optional.of(fixture.now().plusSeconds(40)), fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()));

        fixture.advanceTo(started.plus(Duration.ofMinutes(10)));
        fixture.run(PAYMENT_POLLER);
        assertEquals(Optional.of(fixture.now().plus(schedule.maxInterval())),
                fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()));
        assertEquals(4, fixture.engine.gateway.requests(PaymentInquiry.class).size());
    }

    @Test
    public void nothing_is_polled_before_it_is_due() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.run(PAYMENT_POLLER);
        fixture.advance(Duration.ofMillis(1999));

        WorkerRun run = fixture.run(PAYMENT_POLLER);

        assertEquals(0, run.worked());
        assertEquals(1, fixture.engine.gateway.requests(PaymentInquiry.class).size());
        assertEquals(AttemptStatus.PENDING, fixture.attempt(pending.id()).status());
    }

    @Test
    public void a_pay_call_that_timed_out_ends_in_the_state_antom_says() {
        fixture.engine.gateway.loseNextAnswer(Operation.PAY);
        PaymentAttempt unknown = fixture.start("order-1", CaptureMode.AUTOMATIC);
        assertEquals(AttemptStatus.UNKNOWN, unknown.status());

        fixture.run(PAYMENT_POLLER);
        PaymentAttempt pending = fixture.attempt(unknown.id());
        assertEquals(AttemptStatus.PENDING, pending.status());
        assertNotNull(pending.paymentId());

        fixture.engine.gateway.buyerPays(unknown.id());
        fixture.advance(Duration.ofSeconds(2));
        fixture.run(PAYMENT_POLLER);
        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(unknown.id()).status());
    }

    @Test
    public void an_attempt_initiated_moments_ago_is_left_to_its_pay_call_and_looked_at_again_soon() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", true);
        fixture.advance(Duration.ofSeconds(5));

        fixture.run(PAYMENT_POLLER);

        assertTrue(fixture.engine.gateway.requests(PaymentInquiry.class).isEmpty());
        Instant due = fixture.dueAt(WorkKind.PAYMENT_RESULT, attempt).orElseThrow();
        assertTrue(due.isAfter(fixture.now()), "not again at once: " + due);
        assertTrue(!due.isAfter(fixture.now().plus(schedule.fastInterval().multipliedBy(2))),
                "looked at again on the fast schedule, not only after the call window: " + due);
    }

    @Test
    public void a_pay_answer_written_after_the_poller_looked_is_inquired_on_the_fast_schedule() {
        var engine = fixture.engine;
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", false);
        fixture.advance(Duration.ofSeconds(1));
        fixture.run(PAYMENT_POLLER); // sees the attempt while its pay call is still in flight

        fixture.advance(Duration.ofSeconds(1));
        fixture.run(PAYMENT_POLLER); // still in flight: no inquiry yet
        assertTrue(engine.gateway.requests(PaymentInquiry.class).isEmpty());
        answerPayCall(attempt);      // the call's answer lands: PENDING; Antom's notification is then lost
        engine.gateway.buyerPays(attempt);

        fixture.advance(schedule.fastInterval().multipliedBy(2));
        fixture.run(PAYMENT_POLLER);

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(attempt).status(),
                "settled seconds after the answer, well inside the call window of " + schedule.callWindow());
    }

    @Test
    public void an_attempt_left_initiated_by_a_crash_after_antom_created_it_is_found_by_its_request_id() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", true);
        fixture.advance(schedule.callWindow());

        fixture.run(PAYMENT_POLLER);

        PaymentAttempt found = fixture.attempt(attempt);
        assertEquals(AttemptStatus.PENDING, found.status());
        assertEquals(fixture.engine.gateway.paymentIdOf(attempt).orElseThrow(), found.paymentId());
        assertEquals(List.of(new PaymentInquiry(attempt, null)),
                fixture.engine.gateway.requests(PaymentInquiry.class));
    }

    @Test
    public void an_attempt_antom_never_received_fails_only_once_no_late_request_can_create_it() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", false);
        Instant expiresAt = fixture.attempt(attempt).expiresAt();

        fixture.advance(schedule.callWindow());
        fixture.run(PAYMENT_POLLER);
        assertEquals(AttemptStatus.INITIATED, fixture.attempt(attempt).status(), "ORDER_NOT_EXIST is not a failure yet");

        fixture.advanceTo(expiresAt.plus(schedule.expiryGrace()));
        fixture.run(PAYMENT_POLLER);
        assertEquals(AttemptStatus.INITIATED, fixture.attempt(attempt).status());

        fixture.advanceTo(expiresAt.plus(SyncPayment.NOT_FOUND_GRACE));
        fixture.run(PAYMENT_POLLER);
        PaymentAttempt failed = fixture.attempt(attempt);
        assertEquals(AttemptStatus.FAILED, failed.status());
        assertEquals("ORDER_NOT_EXIST", failed.failure().code().value());
        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty(),
                "nothing to cancel at Antom: it has no such payment");
    }

    @Test
    public void a_payment_still_processing_long_after_its_expiry_is_cancelled_at_antom() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);

        fixture.advanceTo(pending.expiresAt().plus(schedule.expiryGrace()).minusSeconds(1));
        fixture.run(PAYMENT_POLLER);
        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty(), "not before the grace period ends");

        fixture.advanceTo(fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()).orElseThrow());
        fixture.run(PAYMENT_POLLER);

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(pending.id()).status());
        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size());
        List<DomainEvent> events = fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1"));
        assertTrue(events.stream().anyMatch(PaymentAttemptCancelled.class::isInstance), events.toString());
    }

    @Test
    public void notifications_that_arrive_again_late_or_out_of_order_after_polling_change_nothing() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        List<Fact> notifications = fixture.engine.gateway.buyerPays(pending.id());
        fixture.advance(Duration.ofSeconds(2));
        fixture.run(PAYMENT_POLLER);
        Order settled = fixture.engine.orders.findByPaymentRequestId(pending.id()).orElseThrow();
        int events = fixture.engine.outbox.eventsOf(settled.id()).size();

        fixture.notified(List.of(notifications.get(1), notifications.get(0)));
        fixture.notified(notifications);

        Order after = fixture.engine.orders.findByPaymentRequestId(pending.id()).orElseThrow();
        assertEquals(settled.snapshot(), after.snapshot());
        assertEquals(events, fixture.engine.outbox.eventsOf(settled.id()).size());
    }

    /**
     * An attempt written {@code INITIATED} whose pay call's answer never got written, as when the process dies
     * during the call; {@code reachedAntom} says whether the call got to Antom before that.
     */
    private PaymentRequestId initiatedWithoutAnswer(String orderId, boolean reachedAntom) {
        PaymentRequestId attempt = fixture.engine.ids.newPaymentRequestId();
        Order order = Order.create(ReferenceOrderId.of(orderId), WorkerFixture.AMOUNT, null, Buyer.ANONYMOUS, List.of(),
                fixture.now());
        order.startAttempt(attempt, PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, null)).build(), fixture.now());
        fixture.engine.transactions.run(() -> fixture.engine.orders.save(order));
        if (reachedAntom) {
            fixture.engine.gateway.pay(PaymentRequest.of(order.snapshot(), order.attempt(attempt).orElseThrow()));
        }
        return attempt;
    }

    /** The pay call of {@link #initiatedWithoutAnswer} reaches Antom after all, and its answer is written. */
    private void answerPayCall(PaymentRequestId attempt) {
        fixture.engine.transactions.run(() -> {
            Order order = fixture.engine.orders.findByPaymentRequestId(attempt).orElseThrow();
            var answer = fixture.engine.gateway.pay(PaymentRequest.of(order.snapshot(),
                    order.attempt(attempt).orElseThrow()));
            var pending = ((GatewayOutcome.Completed<PaymentFact>) answer).value();
            order.apply(pending, FactSource.API_RESPONSE, fixture.now());
            fixture.engine.orders.save(order);
        });
        assertEquals(AttemptStatus.PENDING, fixture.attempt(attempt).status());
    }
}
