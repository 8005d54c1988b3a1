package org.payengine.bootstrap.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.CAPTURE_GUARD;
import static org.payengine.application.worker.BackgroundWorkers.DUPLICATE_REMEDIATION;
import static org.payengine.application.worker.BackgroundWorkers.PAYMENT_FOLLOW_UP;
import static org.payengine.bootstrap.workers.EngineOnSimulator.SUCCESS_CARD;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.worker.CaptureGuardPolicy;
import org.payengine.application.worker.CaptureGuardSettings;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.domain.event.AuthorizationReleased;
import org.payengine.domain.event.CaptureCompleted;
import org.payengine.domain.event.CaptureDeadlineNear;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.DuplicateCancelled;
import org.payengine.domain.event.DuplicateRefunded;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;
import org.payengine.simulator.payments.PaymentView;

/**
 * The workers against the Antom simulator's fault injection, with the real Antom adapter, real H2 and the real
 * notification endpoint; time simulated on both sides, the workers run by hand.
 */
class WorkersAgainstSimulatorTest {

    @TempDir
    Path data;

    private EngineOnSimulator engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void a_notification_antom_dropped_is_made_up_for_by_the_buyers_return_and_its_late_resend_changes_nothing() {
        engine = new EngineOnSimulator(data);
        engine.antom.injectFault(Fault.of(FaultKind.DROP_NOTIFICATION, 2));
        PaymentAttempt pending = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        engine.buyerPays(pending.id(), SUCCESS_CARD);
        assertEquals(AttemptStatus.PENDING, engine.attempt(pending.id()).status(), "both notifications were dropped");

        engine.advance(Duration.ofSeconds(2));
        engine.useCases.syncPayment().sync(pending.id()); // the buyer lands on the result page

        assertEquals(AttemptStatus.CAPTURED, engine.attempt(pending.id()).status());
        OrderSnapshot settled = engine.useCases.getOrder().get(pending.orderId()).orElseThrow();
        List<DomainEvent> events = engine.events("order-1");

        engine.advance(Duration.ofMinutes(2)); // Antom sends both notifications again
        assertTrue(engine.atAntom(pending.id()).notifications().stream()
                .allMatch(sent -> sent.state().equals("ACKNOWLEDGED")), "acknowledged on the resend");
        assertEquals(settled, engine.useCases.getOrder().get(pending.orderId()).orElseThrow());
        assertEquals(events, engine.events("order-1"));
        assertEquals(1, count(events, OrderPaid.class));
    }

    @Test
    public void a_pay_call_that_timed_out_is_settled_on_the_short_schedule_and_ends_paid() {
        engine = new EngineOnSimulator(data);
        engine.antom.injectFault(Fault.of(FaultKind.HANG, 1).forApi("pay").withHangSeconds(4));

        PaymentAttempt unknown = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        assertEquals(AttemptStatus.UNKNOWN, unknown.status(), "a timeout is never a failure");

        engine.advance(Duration.ofSeconds(5));
        engine.run(PAYMENT_FOLLOW_UP);
        PaymentAttempt pending = engine.attempt(unknown.id());
        assertEquals(AttemptStatus.PENDING, pending.status());
        assertNotNull(pending.paymentId());

        engine.buyerPays(unknown.id(), SUCCESS_CARD);
        assertEquals(AttemptStatus.CAPTURED, engine.attempt(unknown.id()).status());
    }

    @Test
    public void a_pay_call_antom_never_carried_out_fails_only_once_no_late_request_can_create_the_payment() {
        engine = new EngineOnSimulator(data);
        engine.antom.injectFault(Fault.of(FaultKind.HTTP_5XX, 1).forApi("pay").withProcess(false));

        PaymentAttempt unknown = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        assertEquals(AttemptStatus.UNKNOWN, unknown.status());
        engine.advance(Duration.ofSeconds(5));
        engine.run(PAYMENT_FOLLOW_UP);
        assertEquals(AttemptStatus.UNKNOWN, engine.attempt(unknown.id()).status(), "ORDER_NOT_EXIST is not final yet");

        Instant safe = unknown.expiresAt().plus(SyncPayment.NOT_FOUND_GRACE);
        engine.advanceTo(safe);
        engine.run(PAYMENT_FOLLOW_UP);

        PaymentAttempt failed = engine.attempt(unknown.id());
        assertEquals(AttemptStatus.FAILED, failed.status());
        assertEquals("ORDER_NOT_EXIST", failed.failure().code().value());
    }

    @Test
    public void duplicated_delayed_and_reordered_notifications_change_nothing_extra() {
        engine = new EngineOnSimulator(data);
        engine.antom.injectFault(Fault.of(FaultKind.DUPLICATE_NOTIFICATION, 2));
        PaymentAttempt first = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        engine.buyerPays(first.id(), SUCCESS_CARD);

        engine.antom.injectFault(Fault.of(FaultKind.REORDER_NOTIFICATION, 1).forNotifyType("PAYMENT_RESULT"));
        PaymentAttempt second = engine.startPayment("order-2", CaptureMode.AUTOMATIC);
        engine.buyerPays(second.id(), SUCCESS_CARD);

        engine.antom.injectFault(Fault.of(FaultKind.DELAY_NOTIFICATION, 2).withDelaySeconds(30));
        PaymentAttempt third = engine.startPayment("order-3", CaptureMode.AUTOMATIC);
        engine.buyerPays(third.id(), SUCCESS_CARD);
        engine.advance(Duration.ofSeconds(30));

        for (String order : List.of("order-1", "order-2", "order-3")) {
            OrderSnapshot paid = engine.useCases.getOrder().get(ReferenceOrderId.of(order)).orElseThrow();
            assertEquals(AttemptStatus.CAPTURED, paid.attempts().get(0).status(), order);
            List<DomainEvent> events = engine.events(order);
            assertEquals(1, count(events, OrderPaid.class), order + ": " + events);
            assertEquals(1, count(events, CaptureCompleted.class), order + ": " + events);
            assertEquals(0, count(events, NeedsReview.class), order + ": " + events);
            assertTrue(paid.attempts().get(0).reviews().isEmpty(), order);
        }
    }

    @Test
    public void two_attempts_both_paid_end_with_one_success_and_the_duplicate_voided() {
        engine = new EngineOnSimulator(data);
        PaymentAttempt first = engine.startPayment("order-1", CaptureMode.MANUAL);
        PaymentAttempt second = engine.startPayment("order-1", CaptureMode.MANUAL);
        engine.buyerPays(first.id(), SUCCESS_CARD);
        engine.buyerPays(second.id(), "5162774114974622");
        assertTrue(engine.attempt(second.id()).duplicate());

        engine.run(DUPLICATE_REMEDIATION);

        assertEquals(AttemptStatus.AUTHORIZED, engine.attempt(first.id()).status());
        assertEquals(AttemptStatus.CANCELLED, engine.attempt(second.id()).status());
        assertEquals("CANCELLED", engine.atAntom(second.id()).paymentStatus(), "the buyer's second hold is released");
        assertEquals("SUCCESS", engine.atAntom(first.id()).paymentStatus());
        assertEquals(1, count(engine.events("order-1"), DuplicateCancelled.class));
    }

    @Test
    public void two_attempts_both_captured_end_with_one_success_and_the_duplicate_refunded_in_full_once() {
        engine = new EngineOnSimulator(data);
        PaymentAttempt first = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        PaymentAttempt second = engine.startPayment("order-1", CaptureMode.AUTOMATIC);
        engine.buyerPays(first.id(), SUCCESS_CARD);
        engine.buyerPays(second.id(), "5162774114974622");
        engine.antom.injectFault(Fault.of(FaultKind.HANG, 1).forApi("refund").withHangSeconds(4));
        engine.antom.injectFault(Fault.of(FaultKind.DROP_NOTIFICATION, 1).forNotifyType("REFUND_RESULT"));

        engine.run(DUPLICATE_REMEDIATION); // cancel refused (captured), refund sent, its answer and notification lost
        assertEquals(AttemptStatus.CAPTURED, engine.attempt(second.id()).status());
        engine.advance(Duration.ofSeconds(5));
        engine.run(DUPLICATE_REMEDIATION); // the same refund again

        assertEquals(AttemptStatus.CAPTURED, engine.attempt(first.id()).status());
        assertEquals(AttemptStatus.REFUNDED, engine.attempt(second.id()).status());
        List<PaymentView.RefundView> refunds = engine.atAntom(second.id()).refunds();
        assertEquals(1, refunds.size(), "one refund request id, one refund: " + refunds);
        assertEquals("4200", refunds.get(0).value());
        assertTrue(engine.atAntom(first.id()).refunds().isEmpty());
        assertEquals(1, count(engine.events("order-1"), DuplicateRefunded.class));
    }

    @Test
    public void a_manual_capture_left_alone_is_cancelled_by_the_guard_just_before_the_deadline() {
        engine = new EngineOnSimulator(data);
        PaymentAttempt pending = engine.startPayment("order-1", CaptureMode.MANUAL);
        engine.buyerPays(pending.id(), SUCCESS_CARD);
        PaymentAttempt authorized = engine.attempt(pending.id());
        Instant deadline = authorized.captureDeadline();
        CaptureGuardSettings guard = engine.workers.settings().guard();

        engine.advanceTo(deadline.minus(guard.lead()));
        engine.run(CAPTURE_GUARD);
        assertEquals(1, count(engine.events("order-1"), CaptureDeadlineNear.class));
        assertEquals("SUCCESS", engine.atAntom(pending.id()).paymentStatus(), "nothing done at Antom yet");

        engine.advanceTo(deadline.minus(guard.margin()));
        engine.run(CAPTURE_GUARD);

        assertEquals(AttemptStatus.CANCELLED, engine.attempt(pending.id()).status());
        PaymentView atAntom = engine.atAntom(pending.id());
        assertEquals("CANCELLED", atAntom.paymentStatus());
        assertTrue(OffsetDateTime.parse(atAntom.cancelTime()).toInstant().isBefore(deadline),
                "cancelled before the deadline at Antom: " + atAntom.cancelTime());
        assertEquals(1, count(engine.events("order-1"), AuthorizationReleased.class));
    }

    @Test
    public void with_the_capture_policy_the_guard_captures_before_the_deadline() {
        engine = new EngineOnSimulator(data, WorkerSettings.defaults().withoutJitter().withGuard(
                new CaptureGuardSettings(CaptureGuardPolicy.CAPTURE, CaptureGuardSettings.DEFAULT.lead(),
                        CaptureGuardSettings.DEFAULT.margin(), CaptureGuardSettings.DEFAULT.recheck())));
        PaymentAttempt pending = engine.startPayment("order-1", CaptureMode.MANUAL);
        engine.buyerPays(pending.id(), SUCCESS_CARD);
        Instant deadline = engine.attempt(pending.id()).captureDeadline();

        engine.advanceTo(deadline.minus(CaptureGuardSettings.DEFAULT.lead()));
        engine.run(CAPTURE_GUARD);

        assertEquals(AttemptStatus.CAPTURED, engine.attempt(pending.id()).status());
        assertEquals("SUCCESS", engine.atAntom(pending.id()).captures().get(0).status());
        assertEquals(1, count(engine.events("order-1"), OrderPaid.class));
    }

    private static long count(List<DomainEvent> events, Class<? extends DomainEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
