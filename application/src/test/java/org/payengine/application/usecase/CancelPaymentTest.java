package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.UseCaseRejection.AntomRefused;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;

class CancelPaymentTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    @Test
    public void a_payment_awaiting_the_buyer_is_cancelled_at_antom() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);

        PaymentAttempt cancelled = engine.useCases.cancelPayment().cancel(pending.id()).value();

        assertEquals(AttemptStatus.CANCELLED, cancelled.status());
        assertEquals(OrderStatus.OPEN, engine.useCases.getOrder().get(pending.orderId()).orElseThrow().status());
    }

    @Test
    public void cancelling_an_authorization_releases_it_and_closes_the_order() {
        PaymentAttempt authorized = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.MANUAL);

        engine.useCases.cancelPayment().cancel(authorized.id()).value();

        assertEquals(OrderStatus.CLOSED, engine.useCases.getOrder().get(authorized.orderId()).orElseThrow().status());
    }

    @Test
    public void a_captured_payment_is_not_cancelled() {
        PaymentAttempt captured = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);

        assertEquals("ALREADY_CAPTURED", engine.useCases.cancelPayment().cancel(captured.id()).rejection().code());
    }

    @Test
    public void antoms_refusal_is_reported_and_changes_nothing() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.refused(ResultCode.of("ORDER_STATUS_INVALID"), "no"));

        AntomRefused refusal = assertInstanceOf(AntomRefused.class, engine.useCases.cancelPayment().cancel(pending.id()).rejection());

        assertEquals("ORDER_STATUS_INVALID", refusal.antomCode().value());
        assertEquals(AttemptStatus.PENDING, engine.useCases.getPayment().get(pending.id()).orElseThrow().status());
    }

    @Test
    public void without_a_definite_answer_nothing_changes() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.unknown("timeout", true));

        assertEquals(AttemptStatus.PENDING, engine.useCases.cancelPayment().cancel(pending.id()).value().status());
    }
}
