package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.options;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.event.DuplicateRefunded;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.order.RemediationStatus;
import org.payengine.domain.work.WorkKind;

class RemediateDuplicateTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ReferenceOrderId orderId = ReferenceOrderId.of("order-1");

    /** The buyer paid in two tabs: two attempts started while the order was open, both paid. */
    private PaymentAttempt duplicate(CaptureMode mode) {
        engine.useCases.createOrGetOrder().createOrGet(UseCaseFixtures.order("order-1"));
        PaymentAttempt first = engine.useCases.startPayment().start(new StartPayment.Command(orderId, options(mode))).value();
        PaymentAttempt second = engine.useCases.startPayment().start(new StartPayment.Command(orderId, options(mode))).value();
        UseCaseFixtures.notifyBuyerPaid(engine, first.id());
        UseCaseFixtures.notifyBuyerPaid(engine, second.id());
        PaymentAttempt duplicate = engine.useCases.getPayment().get(second.id()).orElseThrow();
        assertTrue(duplicate.duplicate());
        assertTrue(engine.dueWork.dueAt(WorkKind.DUPLICATE, duplicate.id()).isPresent());
        assertTrue(engine.dueWork.dueAt(WorkKind.DUPLICATE, first.id()).isEmpty());
        return duplicate;
    }

    @Test
    public void an_authorized_duplicate_is_cancelled() {
        PaymentAttempt duplicate = duplicate(CaptureMode.MANUAL);

        PaymentAttempt undone = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();

        assertEquals(AttemptStatus.CANCELLED, undone.status());
        assertEquals(RemediationStatus.CANCELLED, undone.remediation().orElseThrow());
        assertEquals(OrderStatus.AUTHORIZED, engine.useCases.getOrder().get(orderId).orElseThrow().status());
        assertTrue(engine.dueWork.dueAt(WorkKind.DUPLICATE, duplicate.id()).isEmpty());
    }

    @Test
    public void a_captured_duplicate_antom_will_not_cancel_is_refunded_in_full() {
        PaymentAttempt duplicate = duplicate(CaptureMode.AUTOMATIC);

        PaymentAttempt undone = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();

        assertEquals(AttemptStatus.REFUNDED, undone.status());
        assertEquals(duplicate.amount(), engine.gateway.requests(RefundRequest.class).get(0).amount());
        assertTrue(engine.outbox.eventsOf(orderId).stream().anyMatch(DuplicateRefunded.class::isInstance));
        assertEquals(OrderStatus.PAID, engine.useCases.getOrder().get(orderId).orElseThrow().status());
    }

    @Test
    public void an_unanswered_refund_is_sent_again_under_the_same_refund_request_id() {
        PaymentAttempt duplicate = duplicate(CaptureMode.AUTOMATIC);
        engine.gateway.loseNextAnswer(Operation.REFUND);

        PaymentAttempt waiting = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();
        PaymentAttempt undone = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();

        assertEquals(RemediationStatus.REFUND_REQUESTED, waiting.remediation().orElseThrow());
        assertEquals(AttemptStatus.REFUNDED, undone.status());
        List<RefundRequest> sent = engine.gateway.requests(RefundRequest.class);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).refundRequestId(), sent.get(1).refundRequestId());
    }

    @Test
    public void a_refund_antom_is_processing_is_inquired_not_sent_again() {
        PaymentAttempt duplicate = duplicate(CaptureMode.AUTOMATIC);
        engine.gateway.onCall(request -> {
            if (request instanceof RefundRequest refund) {
                engine.gateway.answerNext(Operation.REFUND, GatewayOutcome.completed(
                        new RefundProcessing(refund.refundRequestId(), RefundId.of("antom-refund-1"))));
            }
        });

        PaymentAttempt processing = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();
        engine.useCases.remediateDuplicate().remediate(duplicate.id());

        assertEquals(RefundStatus.PROCESSING, processing.refunds().get(0).status());
        assertEquals(1, engine.gateway.requests(RefundRequest.class).size(), "the refund was sent once");
        assertEquals(List.of(new RefundInquiry(processing.refunds().get(0).requestId(), RefundId.of("antom-refund-1"))),
                engine.gateway.requests(RefundInquiry.class));
    }

    @Test
    public void a_captured_duplicate_antom_cancels_is_undone_without_a_refund() {
        PaymentAttempt duplicate = duplicate(CaptureMode.AUTOMATIC);
        engine.gateway.capturedPaymentsCancellable(true);

        PaymentAttempt undone = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();

        assertEquals(AttemptStatus.CANCELLED, undone.status());
        assertTrue(engine.gateway.requests(RefundRequest.class).isEmpty());
    }

    @Test
    public void without_a_definite_answer_the_duplicate_waits_for_the_next_round() {
        PaymentAttempt duplicate = duplicate(CaptureMode.MANUAL);
        engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.unknown("timeout", true));

        PaymentAttempt waiting = engine.useCases.remediateDuplicate().remediate(duplicate.id()).value();

        assertEquals(RemediationStatus.CANCEL_REQUESTED, waiting.remediation().orElseThrow());
        assertTrue(engine.dueWork.dueAt(WorkKind.DUPLICATE, duplicate.id()).isPresent());
    }

    @Test
    public void only_duplicates_are_remediated() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-2", CaptureMode.AUTOMATIC);

        assertEquals("NOT_A_DUPLICATE", engine.useCases.remediateDuplicate().remediate(paid.id()).rejection().code());
    }
}
