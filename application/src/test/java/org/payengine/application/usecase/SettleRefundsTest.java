package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.paidPayment;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;

class SettleRefundsTest {

    private static final Duration CALL_WINDOW = Duration.ofSeconds(60);

    private final InMemoryEngine engine = new InMemoryEngine();
    private final SettleRefunds settleRefunds = new SettleRefunds(engine.transactions, engine.orders,
            engine.cardTokens, engine.gateway, engine.clock);

    private PaymentAttempt captured() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        return engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(authorized.id())).value();
    }

    private Refund refundWithoutAnswer(PaymentAttempt attempt) {
        engine.gateway.loseNextAnswer(Operation.REFUND);
        return engine.useCases.refundPayment().refund(RefundPayment.Command.byMerchant(attempt.id(), Money.of("SGD", 1000), null))
                .value().refund();
    }

    @Test
    public void a_refund_whose_answer_was_lost_is_sent_again_under_its_id_once_the_call_window_passed() {
        PaymentAttempt captured = captured();
        Refund lost = refundWithoutAnswer(captured);

        settleRefunds.settle(captured.id(), CALL_WINDOW);
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size(), "left to its call while it may be in flight");
        engine.clock.advance(CALL_WINDOW);
        PaymentAttempt settled = settleRefunds.settle(captured.id(), CALL_WINDOW).value();

        assertEquals(RefundStatus.SUCCEEDED, settled.refund(lost.requestId()).orElseThrow().status());
        assertEquals(2, engine.gateway.requests(RefundRequest.class).size());
        assertEquals(lost.requestId(), engine.gateway.requests(RefundRequest.class).get(1).refundRequestId());
        assertEquals(Money.of("SGD", 1000), settled.refundedAmount(), "refunded once, not twice");
        assertFalse(SettleRefunds.hasUnsettledRefunds(settled));
    }

    @Test
    public void a_processing_refund_is_inquired_and_an_inquiry_without_answer_changes_nothing() {
        PaymentAttempt captured = captured();
        engine.gateway.answerNext(Operation.REFUND, GatewayOutcome.unknown("timeout (test)", true));
        Refund processing = engine.useCases.refundPayment().refund(
                RefundPayment.Command.byMerchant(captured.id(), Money.of("SGD", 500), null)).value().refund();
        engine.useCases.applyPaymentFacts().apply(new ApplyPaymentFacts.Command(
                List.of(new RefundProcessing(processing.requestId(), null)), FactSource.NOTIFICATION));
        engine.gateway.answerNext(Operation.INQUIRE_REFUND, GatewayOutcome.unknown("timeout (test)", true));

        PaymentAttempt unanswered = settleRefunds.settle(captured.id(), CALL_WINDOW).value();
        assertTrue(SettleRefunds.hasUnsettledRefunds(unanswered));

        assertEquals(RefundStatus.PROCESSING, unanswered.refund(processing.requestId()).orElseThrow().status());
        assertEquals(1, engine.gateway.requests(RefundInquiry.class).size());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size(), "a processing refund is not sent again");
    }

    @Test
    public void a_call_the_budget_does_not_admit_sends_nothing_changes_nothing_and_waits_for_the_next_look() {
        CallBudget budget = new CallBudget(new AntomPacing(5, Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(60)), engine.clock);
        SettleRefunds paced = new SettleRefunds(engine.transactions, engine.orders, engine.cardTokens, engine.gateway,
                engine.clock, budget);
        PaymentAttempt captured = captured();
        Refund lost = refundWithoutAnswer(captured);
        engine.clock.advance(CALL_WINDOW);
        budget.slowDown();

        PaymentAttempt putOff = paced.settle(captured.id(), CALL_WINDOW).value();

        assertEquals(RefundStatus.REQUESTED, putOff.refund(lost.requestId()).orElseThrow().status());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size(), "not sent again while the node is paused");
        assertEquals(1, budget.notAdmitted(AntomApi.REFUND), "the look sees that it was put off");

        engine.clock.advance(Duration.ofSeconds(30));
        PaymentAttempt settled = paced.settle(captured.id(), CALL_WINDOW).value();

        assertEquals(RefundStatus.SUCCEEDED, settled.refund(lost.requestId()).orElseThrow().status());
        assertEquals(1, budget.admitted(AntomApi.REFUND), "sent again once, admitted once");
        assertEquals(2, engine.gateway.requests(RefundRequest.class).size());
        assertEquals(Money.of("SGD", 1000), settled.refundedAmount());
    }

    @Test
    public void antoms_refusal_of_a_refund_sent_again_fails_it() {
        PaymentAttempt captured = captured();
        Refund lost = refundWithoutAnswer(captured);
        engine.clock.advance(CALL_WINDOW);
        engine.gateway.answerNext(Operation.REFUND,
                GatewayOutcome.refused(ResultCode.of("REFUND_WINDOW_EXCEED"), "The refund window has passed."));

        PaymentAttempt settled = settleRefunds.settle(captured.id(), CALL_WINDOW).value();

        Refund failed = settled.refund(lost.requestId()).orElseThrow();
        assertEquals(RefundStatus.FAILED, failed.status());
        assertEquals("REFUND_WINDOW_EXCEED", failed.failure().code().value());
        assertFalse(SettleRefunds.hasUnsettledRefunds(settled));
    }
}
