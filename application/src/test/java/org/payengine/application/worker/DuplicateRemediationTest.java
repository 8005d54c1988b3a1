package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.DUPLICATE_REMEDIATION;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.DuplicateCancelled;
import org.payengine.domain.event.DuplicateRefunded;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.WorkKind;

class DuplicateRemediationTest {

    private final WorkerFixture fixture = new WorkerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void a_duplicate_authorization_is_cancelled_at_antom_and_the_owner_told() {
        PaymentAttempt duplicate = bothPaid(CaptureMode.MANUAL);
        assertEquals(Optional.of(duplicate.authorization().authorizedAt()),
                fixture.dueAt(WorkKind.DUPLICATE, duplicate.id()));

        fixture.run(DUPLICATE_REMEDIATION);

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(duplicate.id()).status());
        assertEquals(1, count(DuplicateCancelled.class));
        assertEquals(Optional.empty(), fixture.dueAt(WorkKind.DUPLICATE, duplicate.id()));
        assertEquals(OrderStatus.AUTHORIZED, fixture.engine.useCases.getOrder().get(ReferenceOrderId.of("order-1")).orElseThrow()
                .status(), "the first success stands");
    }

    @Test
    public void cancelling_is_retried_with_backoff_until_antom_confirms() {
        PaymentAttempt duplicate = bothPaid(CaptureMode.MANUAL);
        fixture.engine.gateway.answerNext(Operation.CANCEL, GatewayOutcome.unknown("read timed out", true))
                .answerNext(Operation.CANCEL, GatewayOutcome.unknown("read timed out", true));

        fixture.run(DUPLICATE_REMEDIATION);
        assertEquals(Optional.of(fixture.now().plusSeconds(5)), fixture.dueAt(WorkKind.DUPLICATE, duplicate.id()));
        fixture.advance(Duration.ofSeconds(5));
        fixture.run(DUPLICATE_REMEDIATION);
        assertEquals(Optional.of(fixture.now().plusSeconds(10)), fixture.dueAt(WorkKind.DUPLICATE, duplicate.id()));
        fixture.advance(Duration.ofSeconds(10));
        fixture.run(DUPLICATE_REMEDIATION);

        assertEquals(AttemptStatus.CANCELLED, fixture.attempt(duplicate.id()).status());
        assertEquals(3, fixture.engine.gateway.requests(CancelRequest.class).size());
    }

    @Test
    public void a_captured_duplicate_antom_will_not_cancel_is_refunded_under_one_refund_request_id() {
        PaymentAttempt duplicate = bothPaid(CaptureMode.AUTOMATIC);
        assertEquals(AttemptStatus.CAPTURED, duplicate.status());
        fixture.engine.gateway.answerNext(Operation.REFUND, GatewayOutcome.unknown("read timed out", true));

        fixture.run(DUPLICATE_REMEDIATION);
        assertEquals(AttemptStatus.CAPTURED, fixture.attempt(duplicate.id()).status(), "refund not confirmed yet");
        fixture.advance(Duration.ofSeconds(5));
        fixture.run(DUPLICATE_REMEDIATION);

        assertEquals(AttemptStatus.REFUNDED, fixture.attempt(duplicate.id()).status());
        List<RefundRequest> refunds = fixture.engine.gateway.requests(RefundRequest.class);
        assertEquals(2, refunds.size());
        assertEquals(refunds.get(0).refundRequestId(), refunds.get(1).refundRequestId());
        assertEquals(duplicate.amount(), refunds.get(0).amount(), "in full");
        assertEquals(1, count(DuplicateRefunded.class));
        assertTrue(fixture.engine.gateway.requests(CancelRequest.class).size() >= 1, "cancel was tried first");
    }

    /** Two attempts of one order both paid on the hosted page; returns the second, the duplicate. */
    private PaymentAttempt bothPaid(CaptureMode mode) {
        PaymentAttempt first = fixture.start("order-1", mode);
        PaymentAttempt second = fixture.startAnother("order-1", mode);
        fixture.notified(fixture.engine.gateway.buyerPays(first.id()));
        fixture.notified(fixture.engine.gateway.buyerPays(second.id()));
        PaymentAttempt duplicate = fixture.attempt(second.id());
        assertTrue(duplicate.duplicate());
        return duplicate;
    }

    private long count(Class<? extends DomainEvent> type) {
        return fixture.engine.outbox.eventsOf(ReferenceOrderId.of("order-1")).stream().filter(type::isInstance).count();
    }
}
