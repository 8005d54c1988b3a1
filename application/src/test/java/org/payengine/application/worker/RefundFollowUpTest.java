package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.payengine.application.worker.BackgroundWorkers.REFUND_FOLLOW_UP;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.work.WorkKind;

/** A merchant's refund whose answer is lost is sent again under its refund request id, and refunded once. */
class RefundFollowUpTest {

    private final WorkerFixture fixture = new WorkerFixture();
    private final FollowUpPolicy policy = fixture.workers.settings().followUps();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_refund_whose_answer_was_lost_is_sent_again_after_the_call_window_under_its_id() {
        PaymentAttempt captured = captured();
        fixture.engine.gateway.loseNextAnswer(Operation.REFUND);
        Refund lost = fixture.engine.useCases.refundPayment().refund(RefundPayment.Command.byMerchant(captured.id(),
                Money.of("SGD", 1000), "one cup broken")).value().refund();
        assertEquals(RefundStatus.REQUESTED, lost.status());
        assertEquals(Optional.of(lost.requestedAt()), fixture.dueAt(WorkKind.REFUND_RESULT, captured.id()));

        fixture.run(REFUND_FOLLOW_UP);
        assertEquals(1, fixture.engine.gateway.requests(RefundRequest.class).size(), "left to its call meanwhile");

        fixture.advance(policy.callWindow());
        fixture.run(REFUND_FOLLOW_UP);

        PaymentAttempt after = fixture.attempt(captured.id());
        assertEquals(RefundStatus.SUCCEEDED, after.refund(lost.requestId()).orElseThrow().status());
        List<RefundRequest> sent = fixture.engine.gateway.requests(RefundRequest.class);
        assertEquals(List.of(lost.requestId(), lost.requestId()), sent.stream().map(RefundRequest::refundRequestId).toList());
        assertEquals(Money.of("SGD", 1000), after.refundedAmount(), "refunded once");
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.REFUND_RESULT, captured.id()));
    }

    private PaymentAttempt captured() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.MANUAL);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        fixture.engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(pending.id()));
        PaymentAttempt captured = fixture.attempt(pending.id());
        assertEquals(AttemptStatus.CAPTURED, captured.status());
        return captured;
    }
}
