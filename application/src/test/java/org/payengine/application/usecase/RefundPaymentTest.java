package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.paidPayment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.RefundPayment.Refunded;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.domain.Result;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.RefundCompleted;
import org.payengine.domain.event.RefundDeclined;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.work.WorkKind;

class RefundPaymentTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    /** A node whose calls are paced (a merchant's call never waits; a slow-down pauses the node 15 to 30 seconds). */
    private final CallBudget pacedBudget = new CallBudget(new AntomPacing(5, Duration.ZERO, Duration.ofSeconds(30),
            Duration.ofSeconds(60)), engine.clock);
    private final RefundPayment pacedRefunds = new RefundPayment(engine.transactions, engine.orders, engine.cardTokens,
            engine.gateway, engine.ids, engine.clock, pacedBudget);

    private PaymentAttempt captured() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        return engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id())).value();
    }

    private Result<Refunded> refund(PaymentAttempt attempt, long minorUnits) {
        return engine.useCases.refundPayment().refund(RefundPayment.Command.byMerchant(attempt.id(), Money.of("SGD", minorUnits),
                "damaged"));
    }

    private List<DomainEvent> events(PaymentAttempt attempt) {
        return engine.outbox.eventsOf(attempt.orderId());
    }

    @Test
    public void a_partial_then_a_full_refund_refund_the_order() {
        PaymentAttempt captured = captured();

        Refunded partial = refund(captured, 1200).value();
        Refunded rest = refund(captured, 3000).value();

        assertEquals(RefundStatus.SUCCEEDED, partial.refund().status());
        assertEquals(RefundStatus.SUCCEEDED, rest.refund().status());
        assertEquals(AttemptStatus.REFUNDED, rest.attempt().status());
        assertEquals(OrderStatus.REFUNDED, engine.useCases.getOrder().get(captured.orderId()).orElseThrow().status());
        List<RefundRequest> sent = engine.gateway.requests(RefundRequest.class);
        assertEquals(2, sent.size());
        assertEquals(partial.refund().requestId(), sent.get(0).refundRequestId());
        assertEquals(captured.paymentId(), sent.get(0).paymentId());
        assertEquals("damaged", sent.get(0).reason());
        assertEquals(2, events(captured).stream().filter(RefundCompleted.class::isInstance).count());
        assertEquals(rest.refund(), engine.useCases.getRefund().get(rest.refund().requestId()).orElseThrow().refund());
    }

    @Test
    public void a_refund_over_what_is_left_is_refused_without_calling_antom() {
        PaymentAttempt captured = captured();
        refund(captured, 4000).value();

        Result<Refunded> refused = refund(captured, 201);

        assertEquals("REFUND_EXCEEDS_CAPTURED", refused.rejection().code());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size());
    }

    @Test
    public void a_refund_without_an_answer_is_not_failed_and_the_inquiry_settles_it() {
        PaymentAttempt captured = captured();
        engine.gateway.loseNextAnswer(Operation.REFUND);

        Refunded unanswered = refund(captured, 1000).value();
        assertEquals(RefundStatus.REQUESTED, unanswered.refund().status(), "no answer is not a failure");

        engine.useCases.syncPayment().inquire(captured.id());

        assertEquals(RefundStatus.SUCCEEDED,
                engine.useCases.getRefund().get(unanswered.refund().requestId()).orElseThrow().refund().status());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size(), "the refund was sent once");
    }

    @Test
    public void antoms_refusal_fails_the_refund_and_tells_the_merchant() {
        PaymentAttempt captured = captured();
        engine.gateway.answerNext(Operation.REFUND,
                GatewayOutcome.refused(ResultCode.of("REFUND_WINDOW_EXCEED"), "The refund window has passed."));

        Refunded refused = refund(captured, 1000).value();

        assertEquals(RefundStatus.FAILED, refused.refund().status());
        assertEquals("REFUND_WINDOW_EXCEED", refused.refund().failure().code().value());
        assertTrue(events(captured).stream().anyMatch(RefundDeclined.class::isInstance));
        assertEquals(AttemptStatus.CAPTURED, refused.attempt().status());
        assertEquals(Money.of("SGD", 4200), refused.attempt().refundable(), "a failed refund gives its amount back");
    }

    @Test
    public void an_authorized_payment_is_not_refunded() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);

        assertEquals("NOT_CAPTURED", refund(authorized, 100).rejection().code());
    }

    @Test
    public void a_refund_the_call_budget_does_not_admit_is_antom_busy_and_nothing_is_written_or_sent() {
        PaymentAttempt captured = captured();
        pacedBudget.slowDown();

        Result<Refunded> refused = pacedRefunds.refund(RefundPayment.Command.byMerchant(captured.id(),
                Money.of("SGD", 1000), "damaged"));

        AntomBusy busy = assertInstanceOf(AntomBusy.class, refused.rejection());
        assertEquals("ANTOM_BUSY", busy.code());
        assertEquals(AntomApi.REFUND, busy.api());
        assertTrue(busy.retryAfterSeconds() >= 1, "the merchant is told when to try again");
        PaymentAttempt after = engine.useCases.getPayment().get(captured.id()).orElseThrow();
        assertEquals(List.of(), after.refunds(), "no refund is written for a call that is not sent");
        assertEquals(Money.of("SGD", 4200), after.refundable());
        assertEquals(Optional.empty(), engine.dueWork.dueAt(WorkKind.REFUND_RESULT, captured.id()),
                "nothing for the refund follow-up either");
        assertEquals(List.of(), engine.gateway.requests(RefundRequest.class));
    }

    @Test
    public void a_refund_is_admitted_once_and_written_requested_before_antom_is_called() {
        PaymentAttempt captured = captured();
        List<Refund> storedWhenSent = new ArrayList<>();
        engine.gateway.onCall(request -> {
            if (request instanceof RefundRequest sent) {
                storedWhenSent.add(engine.useCases.getRefund().get(sent.refundRequestId()).orElseThrow().refund());
            }
        });

        Refunded refunded = pacedRefunds.refund(RefundPayment.Command.byMerchant(captured.id(), Money.of("SGD", 1000),
                "damaged")).value();

        assertEquals(1, storedWhenSent.size());
        assertEquals(RefundStatus.REQUESTED, storedWhenSent.get(0).status(), "a lost answer leaves it to follow up");
        assertEquals(refunded.refund().requestId(), storedWhenSent.get(0).requestId());
        assertEquals(RefundStatus.SUCCEEDED, refunded.refund().status());
        assertEquals(1, pacedBudget.admitted(AntomApi.REFUND), "one refund, one call of the budget");
        assertEquals(0, pacedBudget.notAdmitted(AntomApi.REFUND));
    }

    @Test
    public void an_adapter_that_throws_leaves_the_refund_requested_for_the_follow_up_never_failed() {
        PaymentAttempt captured = captured();
        engine.gateway.onCall(request -> {
            if (request instanceof RefundRequest) {
                throw new IllegalStateException("a bug in the adapter");
            }
        });

        Refunded unknown = refund(captured, 1000).value();

        assertEquals(RefundStatus.REQUESTED, unknown.refund().status());
        assertEquals(Optional.of(unknown.refund().requestedAt()),
                engine.dueWork.dueAt(WorkKind.REFUND_RESULT, captured.id()));
        assertTrue(events(captured).stream().noneMatch(RefundDeclined.class::isInstance));
    }

    @Test
    public void antom_asking_to_slow_down_leaves_the_refund_requested_and_pauses_the_nodes_refunds() {
        PaymentAttempt captured = captured();
        engine.gateway.answerNext(Operation.REFUND, GatewayOutcome.rateLimited("REQUEST_TRAFFIC_EXCEED_LIMIT"));

        Refunded slowedDown = pacedRefunds.refund(RefundPayment.Command.byMerchant(captured.id(),
                Money.of("SGD", 1000), null)).value();
        Result<Refunded> next = pacedRefunds.refund(RefundPayment.Command.byMerchant(captured.id(),
                Money.of("SGD", 1000), null));

        assertEquals(RefundStatus.REQUESTED, slowedDown.refund().status(), "no definite answer is not a failure");
        assertEquals(1, pacedBudget.slowDowns());
        assertEquals("ANTOM_BUSY", next.rejection().code());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size());
    }
}
