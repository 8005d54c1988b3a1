package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.paidPayment;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.Result;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.CaptureInProgress;
import org.payengine.domain.order.OrderRejection.NotAuthorized;
import org.payengine.domain.order.PaymentAttempt;

/**
 * A merchant's capture and cancel of one authorization, interleaved at Antom the two ways a race can interleave
 * them (the fake Antom runs the other operation while the first one's call is in flight): whichever Antom carries
 * out first wins, the other is answered with what happened, and no capture is left waiting for an answer.
 */
class CaptureRacingCancelTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    private Result<PaymentAttempt> capture(PaymentAttempt attempt) {
        return engine.useCases.capturePayment().capture(CapturePayment.Command.byMerchant(attempt.id()));
    }

    @Test
    public void a_cancel_sent_while_the_capture_is_on_its_way_is_refused_without_calling_antom() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        List<Result<PaymentAttempt>> cancels = new ArrayList<>();
        engine.gateway.onCall(request -> {
            if (request instanceof CaptureRequest) {
                cancels.add(engine.useCases.cancelPayment().cancel(authorized.id()));
            }
        });

        PaymentAttempt captured = capture(authorized).value();

        assertEquals(AttemptStatus.CAPTURED, captured.status());
        CaptureInProgress refusal = assertInstanceOf(CaptureInProgress.class, cancels.get(0).rejection());
        assertEquals("CAPTURE_IN_PROGRESS", refusal.code());
        assertTrue(engine.gateway.requests(CancelRequest.class).isEmpty(), "the cancel never raced the capture at Antom");
    }

    @Test
    public void a_cancel_checked_before_the_capture_but_reaching_antom_after_it_is_answered_that_the_payment_is_captured() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        List<Result<PaymentAttempt>> captures = new ArrayList<>();
        engine.gateway.onCall(request -> {
            if (request instanceof CancelRequest && captures.isEmpty()) {
                captures.add(capture(authorized));
            }
        });

        Result<PaymentAttempt> cancel = engine.useCases.cancelPayment().cancel(authorized.id());

        assertEquals(AttemptStatus.CAPTURED, captures.get(0).value().status(), "the capture won at Antom");
        assertInstanceOf(AlreadyCaptured.class, cancel.rejection());
        assertEquals(AttemptStatus.CAPTURED, engine.useCases.getPayment().get(authorized.id()).orElseThrow().status());
    }

    @Test
    public void a_capture_overtaken_by_a_cancel_at_antom_fails_and_is_answered_that_the_payment_is_cancelled() {
        PaymentAttempt authorized = paidPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.gateway.onCall(request -> {
            if (request instanceof CaptureRequest) {
                // Antom carries out a cancel checked before this capture was requested, and the engine learns it
                // before the capture's own answer is applied.
                engine.gateway.onCall(ignored -> { });
                engine.gateway.cancel(new CancelRequest(authorized.id(), authorized.paymentId()));
                engine.useCases.syncPayment().inquire(authorized.id());
            }
        });

        Result<PaymentAttempt> captured = capture(authorized);

        NotAuthorized refusal = assertInstanceOf(NotAuthorized.class, captured.rejection());
        assertEquals(AttemptStatus.CANCELLED, refusal.status());
        PaymentAttempt after = engine.useCases.getPayment().get(authorized.id()).orElseThrow();
        assertEquals(AttemptStatus.CANCELLED, after.status());
        assertEquals(CaptureStatus.FAILED, after.capture().status(), "the capture is not left REQUESTED");
        assertEquals(List.of(), engine.useCases.getOrder().get(authorized.orderId()).orElseThrow().pendingWork(),
                "nothing is left for the workers to settle");
    }
}
