package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.CANCEL_FOLLOW_UP;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.WorkKind;

/** A cancel of an authorization whose answer is lost is never left unchecked: it is followed up until Antom settles it. */
class CancelFollowUpTest {

    private final WorkerFixture fixture = new WorkerFixture();
    private final FollowUpPolicy policy = fixture.workers.settings().followUps();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_cancel_antom_carried_out_but_whose_answer_was_lost_ends_cancelled() {
        PaymentAttempt authorized = authorized();
        fixture.engine.gateway.loseNextAnswer(Operation.CANCEL);

        PaymentAttempt afterCall = fixture.engine.useCases.cancelPayment().cancel(authorized.id()).value();
        assertEquals(AttemptStatus.AUTHORIZED, afterCall.status(), "no answer: nothing is known yet");
        assertEquals(Optional.of(fixture.now()), fixture.dueAt(WorkKind.CANCEL_RESULT, authorized.id()));

        fixture.run(CANCEL_FOLLOW_UP);
        assertEquals(1, fixture.engine.gateway.requests(CancelRequest.class).size(), "the call may still answer");

        fixture.advance(policy.callWindow());
        fixture.run(CANCEL_FOLLOW_UP);

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(authorized.id()).status());
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.CANCEL_RESULT, authorized.id()));
    }

    @Test
    public void a_cancel_that_never_reached_antom_is_sent_again_and_ends_cancelled() {
        PaymentAttempt authorized = authorized();
        fixture.engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.unknown("connection reset", true));
        fixture.engine.useCases.cancelPayment().cancel(authorized.id());
        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(authorized.id()).status());

        fixture.advance(policy.callWindow());
        fixture.run(CANCEL_FOLLOW_UP);

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(authorized.id()).status());
        assertEquals(2, fixture.engine.gateway.requests(CancelRequest.class).size());
    }

    @Test
    public void a_cancel_antom_refused_is_no_longer_awaited() {
        PaymentAttempt authorized = authorized();
        fixture.engine.gateway.answerNext(Operation.CANCEL,
                GatewayOutcome.refused(ResultCode.of("CANCEL_WINDOW_EXCEED"), "too late to cancel"));

        assertTrue(!fixture.engine.useCases.cancelPayment().cancel(authorized.id()).isAccepted());

        assertEquals(AttemptStatus.AUTHORIZED, fixture.attempt(authorized.id()).status());
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.CANCEL_RESULT, authorized.id()));
        assertTrue(!fixture.attempt(authorized.id()).authorization().cancelAwaited());
    }

    private PaymentAttempt authorized() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.MANUAL);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        return fixture.attempt(pending.id());
    }
}
