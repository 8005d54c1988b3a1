package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.PAYMENT_FOLLOW_UP;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.NeedsReview;
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
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.WorkKind;

/**
 * The payment follow-up, in simulated time: Antom is asked about a payment only on a signal — a call whose answer
 * is missing or unknown, a notification overdue, the buyer's return — each on its schedule and within its cap.
 */
class PaymentFollowUpTest {

    private final WorkerFixture fixture = new WorkerFixture();
    private final FollowUpPolicy policy = fixture.workers.settings().followUps();
    private final List<Instant> inquiries = new ArrayList<>();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_payment_notified_in_time_is_never_inquired() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        runUntil(fixture.now().plusSeconds(40));
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));

        runUntil(fixture.now().plus(Duration.ofDays(2)));

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
        assertEquals(List.of(), inquiries);
    }

    @Test
    public void a_lost_notification_is_made_up_for_by_one_inquiry_once_it_is_overdue() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.advance(Duration.ofSeconds(30));
        fixture.engine.gateway.buyerPays(pending.id()); // its notification is lost

        runUntil(fixture.now().plus(Duration.ofDays(2)));

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
        assertEquals(List.of(pending.expiresAt().plus(policy.paymentGrace())), inquiries);
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.PAYMENT_RESULT, pending.id()), "nothing left to ask");
    }

    @Test
    public void a_late_notification_is_asked_for_on_the_slow_schedule_and_the_payment_ends_in_antoms_state() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.engine.gateway.buyerPays(pending.id()); // its notification is late, and so are three answers
        for (int i = 0; i < 3; i++) {
            fixture.engine.gateway.answerNext(Operation.INQUIRE_PAYMENT, GatewayOutcome.unknown("read timed out", true));
        }

        runUntil(fixture.now().plus(Duration.ofDays(3)));

        Instant first = pending.expiresAt().plus(policy.paymentGrace());
        List<Duration> waits = policy.overdueWaits();
        assertEquals(List.of(first, first.plus(waits.get(0)), first.plus(waits.get(0)).plus(waits.get(1)),
                first.plus(waits.get(0)).plus(waits.get(1)).plus(waits.get(2))), inquiries);
        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
    }

    @Test
    public void a_lost_notification_is_asked_about_no_more_than_the_cap_then_raised_for_review() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        for (int i = 0; i < 100; i++) {
            fixture.engine.gateway.answerNext(Operation.INQUIRE_PAYMENT, GatewayOutcome.unknown("read timed out", true));
        }
        fixture.engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.unknown("read timed out", true));

        runUntil(fixture.now().plus(Duration.ofDays(30)));

        assertEquals(policy.cap(FollowUpReason.PAYMENT_NOTIFICATION_AWAITED), inquiries.size());
        assertEquals(AttemptStatus.PENDING, fixture.attempt(pending.id()).status(), "unknown is never failed");
        List<DomainEvent> events = fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1"));
        assertEquals(1, events.stream().filter(NeedsReview.class::isInstance).map(NeedsReview.class::cast)
                .filter(review -> review.reason().equals("PAYMENT_RESULT_UNSETTLED")).count(), events.toString());
    }

    @Test
    public void a_timed_out_pay_is_settled_on_the_short_schedule() {
        fixture.engine.gateway.onCall(request -> record(request));
        fixture.engine.gateway.loseNextAnswer(Operation.PAY);
        PaymentAttempt unknown = fixture.start("order-1", CaptureMode.AUTOMATIC);
        assertEquals(AttemptStatus.UNKNOWN, unknown.status());

        runUntil(unknown.initiatedAt().plus(policy.unknownWaits().get(0)));

        PaymentAttempt pending = fixture.attempt(unknown.id());
        assertEquals(AttemptStatus.PENDING, pending.status(), "Antom has it: its notification will come");
        assertNotNull(pending.paymentId());
        assertEquals(List.of(unknown.initiatedAt().plus(policy.unknownWaits().get(0))), inquiries);
    }

    @Test
    public void a_pay_whose_outcome_stays_unknown_is_asked_about_on_the_short_schedule_up_to_its_cap() {
        fixture.engine.gateway.onCall(request -> record(request));
        fixture.engine.gateway.loseNextAnswer(Operation.PAY);
        for (int i = 0; i < 100; i++) {
            fixture.engine.gateway.answerNext(Operation.INQUIRE_PAYMENT, GatewayOutcome.unknown("read timed out", true));
        }
        PaymentAttempt unknown = fixture.start("order-1", CaptureMode.AUTOMATIC);

        runUntil(fixture.now().plus(Duration.ofDays(30)));

        List<Instant> expected = new ArrayList<>();
        Instant at = unknown.initiatedAt();
        for (Duration wait : policy.unknownWaits()) {
            at = at.plus(wait);
            expected.add(at);
        }
        assertEquals(expected, inquiries);
        assertEquals(AttemptStatus.UNKNOWN, fixture.attempt(unknown.id()).status());
    }

    @Test
    public void a_rate_limited_look_uses_up_nothing_and_the_payment_still_settles() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.engine.gateway.buyerPays(pending.id()); // notification lost
        int slowDowns = 3 * policy.cap(FollowUpReason.PAYMENT_NOTIFICATION_AWAITED);
        for (int i = 0; i < slowDowns; i++) {
            fixture.engine.gateway.answerNext(Operation.INQUIRE_PAYMENT,
                    GatewayOutcome.rateLimited("REQUEST_TRAFFIC_EXCEED_LIMIT"));
        }

        runUntil(fixture.now().plus(Duration.ofDays(2)));

        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(pending.id()).status());
        assertEquals(slowDowns + 1, inquiries.size(), "every refused look was taken again, none counted");
        List<DomainEvent> events = fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1"));
        assertTrue(events.stream().noneMatch(NeedsReview.class::isInstance), events.toString());
    }

    @Test
    public void the_buyers_return_asks_now_and_twice_more_a_few_seconds_apart_then_waits_for_the_notification() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.advance(Duration.ofSeconds(40));
        Instant back = fixture.now();

        assertEquals(Inquiry.ANSWERED, fixture.engine.useCases.syncPayment().sync(pending.id()).value().inquiry());
        fixture.advance(Duration.ofSeconds(1));
        assertEquals(Inquiry.NOT_ASKED, fixture.engine.useCases.syncPayment().sync(pending.id()).value().inquiry(),
                "a reload a second later is the same return");
        runUntil(back.plusSeconds(60));

        Duration gap = policy.buyer().gap();
        assertEquals(List.of(back, back.plus(gap), back.plus(gap).plus(gap)), inquiries);
        assertEquals(AttemptStatus.PENDING, fixture.attempt(pending.id()).status());
    }

    @Test
    public void the_buyers_returns_ask_antom_no_more_than_their_cap() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        for (int i = 0; i < 20; i++) {
            fixture.advance(Duration.ofSeconds(20));
            fixture.engine.useCases.syncPayment().sync(pending.id());
            runUntil(fixture.now().plusSeconds(19));
        }

        assertEquals(policy.buyer().mostInquiries(), inquiries.size());
    }

    @Test
    public void a_paid_payment_is_never_asked_about_on_the_buyers_return() {
        fixture.engine.gateway.onCall(request -> record(request));
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));

        assertEquals(Inquiry.NOT_ASKED, fixture.engine.useCases.syncPayment().sync(pending.id()).value().inquiry());

        assertEquals(List.of(), inquiries);
    }

    @Test
    public void an_attempt_initiated_moments_ago_is_left_to_its_pay_call() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", true);
        fixture.advance(Duration.ofSeconds(5));

        fixture.run(PAYMENT_FOLLOW_UP);

        assertTrue(fixture.engine.gateway.requests(PaymentInquiry.class).isEmpty());
        assertEquals(Optional.of(fixture.attempt(attempt).initiatedAt().plus(policy.callWindow())),
                fixture.dueAt(WorkKind.PAYMENT_RESULT, attempt));
    }

    @Test
    public void a_pay_answer_written_within_the_call_window_starts_the_wait_for_the_notification() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", false);
        fixture.advance(Duration.ofSeconds(1));
        fixture.run(PAYMENT_FOLLOW_UP);

        answerPayCall(attempt);

        assertEquals(Optional.of(fixture.attempt(attempt).expiresAt()), fixture.dueAt(WorkKind.PAYMENT_RESULT, attempt));
        assertTrue(fixture.engine.gateway.requests(PaymentInquiry.class).isEmpty());
    }

    @Test
    public void an_attempt_left_initiated_by_a_crash_after_antom_created_it_is_found_by_its_request_id() {
        PaymentRequestId attempt = initiatedWithoutAnswer("order-1", true);
        fixture.advance(policy.callWindow());

        fixture.run(PAYMENT_FOLLOW_UP);

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

        runUntil(expiresAt.plus(SyncPayment.NOT_FOUND_GRACE).minusSeconds(1));
        assertEquals(AttemptStatus.INITIATED, fixture.attempt(attempt).status(), "ORDER_NOT_EXIST is not a failure yet");

        runUntil(expiresAt.plus(Duration.ofDays(1)));
        PaymentAttempt failed = fixture.attempt(attempt);
        assertEquals(AttemptStatus.FAILED, failed.status());
        assertEquals("ORDER_NOT_EXIST", failed.failure().code().value());
        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).isEmpty(),
                "nothing to cancel at Antom: it has no such payment");
    }

    @Test
    public void a_payment_still_processing_past_its_expiry_and_grace_is_cancelled_at_antom() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);

        runUntil(pending.expiresAt().plus(policy.paymentGrace()).minusSeconds(1));
        assertTrue(fixture.engine.gateway.requests(PaymentInquiry.class).isEmpty(), "not before the grace period ends");

        runUntil(pending.expiresAt().plus(policy.paymentGrace()));

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(pending.id()).status());
        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size());
        List<DomainEvent> events = fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1"));
        assertTrue(events.stream().anyMatch(PaymentAttemptCancelled.class::isInstance), events.toString());
    }

    @Test
    public void notifications_that_arrive_again_late_or_out_of_order_after_an_inquiry_change_nothing() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        List<Fact> notifications = fixture.engine.gateway.buyerPays(pending.id());
        runUntil(pending.expiresAt().plus(policy.paymentGrace()));
        Order settled = fixture.engine.orders.findByPaymentRequestId(pending.id()).orElseThrow();
        assertEquals(AttemptStatus.CAPTURED, settled.attempt(pending.id()).orElseThrow().status());
        int events = fixture.engine.outbox.eventsOf(settled.id()).size();

        fixture.notified(List.of(notifications.get(1), notifications.get(0)));
        fixture.notified(notifications);

        Order after = fixture.engine.orders.findByPaymentRequestId(pending.id()).orElseThrow();
        assertEquals(settled.snapshot(), after.snapshot());
        assertEquals(events, fixture.engine.outbox.eventsOf(settled.id()).size());
    }

    /** Runs the payment follow-up at every instant an item of it is due, up to {@code end}; the clock ends there. */
    private void runUntil(Instant end) {
        for (int guard = 0; guard < 10_000; guard++) {
            Optional<Instant> next = fixture.engine.dueWork.nextDue(WorkKind.PAYMENT_RESULT);
            if (next.isEmpty() || next.get().isAfter(end)) {
                fixture.advanceTo(end);
                return;
            }
            fixture.advanceTo(next.get());
            fixture.run(PAYMENT_FOLLOW_UP);
        }
        throw new AssertionError("the follow-up never stops looking");
    }

    private void record(Object request) {
        if (request instanceof PaymentInquiry) {
            inquiries.add(fixture.now());
        }
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
