package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.options;
import static org.payengine.application.usecase.UseCaseFixtures.order;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.UseCaseRejection.OrderNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.event.PaymentAttemptFailed;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderRejection.OrderNotOpen;
import org.payengine.domain.order.PaymentAttempt;

class StartPaymentTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ReferenceOrderId orderId = ReferenceOrderId.of("order-1");

    private Result<PaymentAttempt> start() {
        return engine.useCases.startPayment().start(new StartPayment.Command(orderId, options(CaptureMode.AUTOMATIC)));
    }

    @Test
    public void the_attempt_is_written_initiated_before_antom_is_called() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        List<AttemptStatus> seenDuringTheCall = new ArrayList<>();
        engine.gateway.onCall(request -> {
            PaymentRequest pay = (PaymentRequest) request;
            seenDuringTheCall.add(engine.useCases.getPayment().get(pay.paymentRequestId()).orElseThrow().status());
        });

        start();

        assertEquals(List.of(AttemptStatus.INITIATED), seenDuringTheCall);
    }

    @Test
    public void antoms_in_process_answer_leaves_the_attempt_pending_with_the_hosted_page() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));

        PaymentAttempt attempt = start().value();

        assertEquals(AttemptStatus.PENDING, attempt.status());
        assertNotNull(attempt.paymentId());
        assertTrue(attempt.redirectUrl().startsWith("https://fake-antom.test/checkout/"), attempt.redirectUrl());
        PaymentRequest sent = engine.gateway.requests(PaymentRequest.class).get(0);
        assertEquals(attempt.id(), sent.paymentRequestId());
        assertEquals(orderId, sent.referenceOrderId());
    }

    @Test
    public void a_timeout_leaves_the_attempt_unknown_never_failed() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        engine.gateway.answerNext(Operation.PAY, GatewayOutcome.unknown("read timed out", true));

        PaymentAttempt attempt = start().value();

        assertEquals(AttemptStatus.UNKNOWN, attempt.status());
        assertTrue(engine.outbox.eventsOf(orderId).stream().noneMatch(PaymentAttemptFailed.class::isInstance));
    }

    @Test
    public void a_gateway_that_throws_leaves_the_attempt_unknown() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        engine.gateway.onCall(request -> {
            throw new IllegalStateException("adapter bug");
        });

        assertEquals(AttemptStatus.UNKNOWN, start().value().status());
    }

    @Test
    public void antoms_definite_refusal_fails_the_attempt() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        engine.gateway.answerNext(Operation.PAY, GatewayOutcome.refused(ResultCode.of("RISK_REJECT"), "risk"));

        PaymentAttempt attempt = start().value();

        assertEquals(AttemptStatus.FAILED, attempt.status());
        assertEquals("RISK_REJECT", attempt.failure().code().value());
    }

    @Test
    public void a_lost_answer_is_settled_by_the_inquiry() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        engine.gateway.loseNextAnswer(Operation.PAY);
        PaymentAttempt unknown = start().value();

        PaymentAttempt synced = engine.useCases.syncPayment().sync(unknown.id()).value().attempt();

        assertEquals(AttemptStatus.UNKNOWN, unknown.status());
        assertEquals(AttemptStatus.PENDING, synced.status());
        assertEquals(engine.gateway.paymentIdOf(unknown.id()).orElseThrow(), synced.paymentId());
    }

    @Test
    public void a_paid_order_refuses_a_new_attempt_without_calling_antom() {
        UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        int callsBefore = engine.gateway.requests().size();

        Result<PaymentAttempt> second = start();

        assertEquals("ORDER_ALREADY_PAID", assertInstanceOf(OrderNotOpen.class, second.rejection()).code());
        assertEquals(callsBefore, engine.gateway.requests().size());
    }

    @Test
    public void an_unknown_order_is_refused() {
        assertInstanceOf(OrderNotFound.class, start().rejection());
        assertTrue(engine.gateway.requests().isEmpty());
    }

    @Test
    public void every_attempt_gets_a_new_payment_request_id_under_the_orders_reference() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        PaymentAttempt first = start().value();
        engine.gateway.buyerIsDeclined(first.id(), "DO_NOT_HONOR");
        engine.useCases.syncPayment().sync(first.id());

        PaymentAttempt second = start().value();

        assertTrue(!first.id().equals(second.id()));
        assertEquals(orderId, second.orderId());
        assertEquals(List.of(orderId, orderId),
                engine.gateway.requests(PaymentRequest.class).stream().map(PaymentRequest::referenceOrderId).toList());
    }
}
