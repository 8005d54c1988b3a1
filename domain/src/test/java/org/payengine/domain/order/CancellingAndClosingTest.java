package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;
import static org.payengine.domain.testing.Fixtures.failed;
import static org.payengine.domain.testing.Fixtures.manualCapture;

import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.event.OrderClosed;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.OrderRejection.AlreadyCaptured;
import org.payengine.domain.order.OrderRejection.AttemptAlreadyFinal;
import org.payengine.domain.order.OrderRejection.OrderNotOpen;
import org.payengine.domain.testing.OrderProbe;

class CancellingAndClosingTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    @Test
    public void a_payment_awaiting_the_buyer_may_be_cancelled() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        assertTrue(probe.order().checkCancellable(id).isAccepted());
    }

    @Test
    public void an_authorization_may_be_cancelled() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());

        assertTrue(probe.order().checkCancellable(id).isAccepted());
    }

    @Test
    public void a_captured_payment_is_refunded_not_cancelled() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(id));

        AlreadyCaptured refusal = assertInstanceOf(AlreadyCaptured.class, probe.order().checkCancellable(id).rejection());

        assertEquals("ALREADY_CAPTURED", refusal.code());
    }

    @Test
    public void a_final_attempt_has_nothing_to_cancel() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(id));

        AttemptAlreadyFinal refusal = assertInstanceOf(AttemptAlreadyFinal.class,
                probe.order().checkCancellable(id).rejection());

        assertEquals(AttemptStatus.FAILED, refusal.status());
        assertTrue(refusal.message().contains("FAILED"), refusal.message());
    }

    @Test
    public void an_open_order_may_be_closed_once() {
        assertEquals(OrderStatus.CLOSED, probe.order().close("out of stock", AuditSource.MERCHANT, probe.now()).value());
        probe.markSeen();

        assertEquals(OrderStatus.CLOSED, probe.order().close("again", AuditSource.MERCHANT, probe.now()).value());

        assertTrue(probe.newEvents().isEmpty(), "closing again changes nothing");
        assertEquals(1, probe.order().pendingEvents().stream().filter(OrderClosed.class::isInstance).count());
    }

    @Test
    public void a_paid_order_cannot_be_closed() {
        probe.authorized("pay-1", manualCapture());

        assertInstanceOf(OrderNotOpen.class,
                probe.order().close("changed my mind", AuditSource.MERCHANT, probe.now()).rejection());
        assertEquals(OrderStatus.AUTHORIZED, probe.order().status());
    }
}
