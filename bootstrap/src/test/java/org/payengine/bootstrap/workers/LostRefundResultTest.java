package org.payengine.bootstrap.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.FollowUpPolicy;
import org.payengine.domain.event.RefundCompleted;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;

/**
 * A refund whose result is lost on both ways Antom tells it — the answer to the call ({@code U}) and every send of
 * the {@code REFUND_RESULT} notification — is settled by sending the same refund again under its refund request id
 * once its call can no longer be in flight: Antom answers the first refund's result, and refunds once.
 */
class LostRefundResultTest {

    private static final Duration CALL_WINDOW = FollowUpPolicy.DEFAULT.callWindow();

    private EngineOnSimulator engine;

    @BeforeEach
    void start(@TempDir Path data) {
        engine = new EngineOnSimulator(data);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void a_refund_whose_answer_and_notifications_were_lost_is_settled_without_refunding_twice() {
        PaymentAttempt attempt = engine.startPayment("order-lost-refund", CaptureMode.MANUAL);
        engine.buyerPays(attempt.id(), EngineOnSimulator.SUCCESS_CARD);
        engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(attempt.id()));
        assertEquals(AttemptStatus.CAPTURED, engine.attempt(attempt.id()).status());
        engine.antom.injectFault(Fault.of(FaultKind.DROP_NOTIFICATION, 8).forNotifyType("REFUND_RESULT"));
        engine.antom.injectFault(Fault.of(FaultKind.UNKNOWN_RESULT, 1).forApi("refund"));

        Refund lost = engine.useCases.refundPayment().refund(RefundPayment.Command.byMerchant(attempt.id(), Money.of("SGD", 1500),
                "one cup broken")).value().refund();
        engine.settle();
        assertEquals(RefundStatus.REQUESTED, engine.attempt(attempt.id()).refund(lost.requestId()).orElseThrow().status(),
                "no answer is never a failure");
        assertEquals(1, engine.atAntom(attempt.id()).refunds().size(), "Antom did refund");

        engine.run(BackgroundWorkers.REFUND_FOLLOW_UP);
        assertEquals(RefundStatus.REQUESTED, engine.attempt(attempt.id()).refund(lost.requestId()).orElseThrow().status(),
                "left to its call while it may still be in flight");
        engine.advance(CALL_WINDOW);
        engine.run(BackgroundWorkers.REFUND_FOLLOW_UP);
        PaymentAttempt settled = engine.attempt(attempt.id());

        Refund refund = settled.refund(lost.requestId()).orElseThrow();
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals(engine.atAntom(attempt.id()).refunds().get(0).refundId(), refund.refundId().value());
        assertEquals(1, engine.atAntom(attempt.id()).refunds().size(), "refunded once, not twice");
        assertEquals(Money.of("SGD", 1500), settled.refundedAmount());
        assertEquals(1, engine.events("order-lost-refund").stream().filter(RefundCompleted.class::isInstance).count());
    }
}
