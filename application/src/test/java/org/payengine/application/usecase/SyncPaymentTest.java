package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.payengine.application.usecase.UseCaseFixtures.options;
import static org.payengine.application.usecase.UseCaseFixtures.order;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.FakePaymentGateway.Operation;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.SyncPayment.Inquiry;
import org.payengine.application.usecase.SyncPayment.Synced;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;

class SyncPaymentTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    @Test
    public void the_inquiry_brings_the_buyers_payment_in() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.gateway.buyerPays(pending.id());

        Synced synced = engine.useCases.syncPayment().sync(pending.id()).value();

        assertEquals(Inquiry.ANSWERED, synced.inquiry());
        assertEquals(AttemptStatus.AUTHORIZED, synced.attempt().status());
        assertEquals("VISA", synced.attempt().card().brand());
    }

    @Test
    public void an_attempt_antom_never_received_stays_unknown_until_well_after_it_expired() {
        PaymentAttempt unknown = attemptAntomNeverReceived();

        Synced soon = engine.useCases.syncPayment().sync(unknown.id()).value();
        engine.clock.advance(PaymentOptions.DEFAULT_EXPIRY);
        Synced afterExpiry = engine.useCases.syncPayment().sync(unknown.id()).value();

        assertEquals(Inquiry.NOT_FOUND_AT_ANTOM, soon.inquiry());
        assertEquals(AttemptStatus.UNKNOWN, soon.attempt().status());
        assertEquals(AttemptStatus.UNKNOWN, afterExpiry.attempt().status());
    }

    @Test
    public void an_attempt_antom_never_received_fails_once_it_can_no_longer_exist() {
        PaymentAttempt unknown = attemptAntomNeverReceived();
        engine.clock.advance(PaymentOptions.DEFAULT_EXPIRY.plus(SyncPayment.NOT_FOUND_GRACE));

        PaymentAttempt failed = engine.useCases.syncPayment().sync(unknown.id()).value().attempt();

        assertEquals(AttemptStatus.FAILED, failed.status());
        assertEquals("ORDER_NOT_EXIST", failed.failure().code().value());
    }

    @Test
    public void an_unanswered_inquiry_changes_nothing() {
        PaymentAttempt pending = UseCaseFixtures.pendingPayment(engine, "order-1", CaptureMode.MANUAL);
        engine.gateway.answerNext(Operation.INQUIRE_PAYMENT, GatewayOutcome.unknown("timeout", true));

        Synced synced = engine.useCases.syncPayment().sync(pending.id()).value();

        assertEquals(Inquiry.UNKNOWN, synced.inquiry());
        assertEquals(pending, synced.attempt());
    }

    @Test
    public void an_unknown_attempt_is_refused() {
        assertInstanceOf(PaymentNotFound.class, engine.useCases.syncPayment().sync(PaymentRequestId.of("nope")).rejection());
    }

    private PaymentAttempt attemptAntomNeverReceived() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        engine.gateway.answerNext(Operation.PAY, GatewayOutcome.unknown("connect timed out", true));
        return engine.useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of("order-1"),
                options(CaptureMode.AUTOMATIC))).value();
    }
}
