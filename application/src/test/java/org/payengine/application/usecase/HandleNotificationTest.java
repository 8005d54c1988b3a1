package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.pendingPayment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.InboxEntry.InboxStatus;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.RawNotification;
import org.payengine.application.testing.FakeNotificationDecoder;
import org.payengine.application.testing.FakePaymentGateway;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.HandleNotification.Handling;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

class HandleNotificationTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final FakeNotificationDecoder decoder = new FakeNotificationDecoder();
    private final HandleNotification handleNotification = engine.handleNotification(decoder);

    @Test
    public void a_verified_notification_is_applied_stored_and_then_acknowledged() {
        PaymentAttempt pending = pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        RawNotification notification = notificationOf(engine.gateway.buyerPays(pending.id()));

        Handling handling = handleNotification.handle(notification);

        assertEquals(FakeNotificationDecoder.ACKNOWLEDGEMENT, assertInstanceOf(Handling.Acknowledge.class, handling).body());
        assertEquals(OrderStatus.PAID, engine.useCases.getOrder().get(ReferenceOrderId.of("order-1")).orElseThrow().status());
        InboxEntry stored = stored(notification);
        assertEquals(InboxStatus.PROCESSED, stored.status());
        assertEquals(notification, stored.notification());
        assertEquals(engine.clock.now(), stored.processedAt());
    }

    @Test
    public void a_resent_notification_is_acknowledged_without_changing_anything() {
        PaymentAttempt pending = pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        RawNotification notification = notificationOf(engine.gateway.buyerPays(pending.id()));
        handleNotification.handle(notification);
        var before = engine.useCases.getOrder().get(ReferenceOrderId.of("order-1")).orElseThrow();
        int audit = engine.auditLog.entriesFor(ReferenceOrderId.of("order-1")).size();

        Handling again = handleNotification.handle(notification);

        assertInstanceOf(Handling.Acknowledge.class, again);
        assertEquals(before, engine.useCases.getOrder().get(ReferenceOrderId.of("order-1")).orElseThrow());
        assertEquals(audit, engine.auditLog.entriesFor(ReferenceOrderId.of("order-1")).size());
    }

    @Test
    public void a_notification_about_an_unknown_payment_is_kept_and_antom_is_asked_to_resend() {
        Fact unknown = new PaymentSucceeded(PaymentRequestId.of("pay-elsewhere"), PaymentId.of("antom-x"),
                UseCaseFixtures.AMOUNT, engine.clock.now(), null, null);
        RawNotification notification = notificationOf(List.of(unknown));

        Handling handling = handleNotification.handle(notification);

        assertTrue(assertInstanceOf(Handling.RetryLater.class, handling).reason().contains("pay-elsewhere"));
        InboxEntry stored = stored(notification);
        assertEquals(InboxStatus.UNMATCHED, stored.status());
        assertEquals(notification, stored.notification(), "kept byte for byte for replay");
        assertEquals(List.of(stored), engine.inbox.findUnmatched(10));
    }

    @Test
    public void a_success_naming_an_unknown_payment_request_id_with_a_pending_attempts_payment_id_is_raised_not_applied() {
        PaymentAttempt pending = pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        Fact mismatched = new PaymentSucceeded(PaymentRequestId.of("pay-not-ours"), pending.paymentId(),
                UseCaseFixtures.AMOUNT, engine.clock.now(), null, null);
        RawNotification notification = notificationOf(List.of(mismatched));

        Handling handling = handleNotification.handle(notification);

        assertInstanceOf(Handling.Acknowledge.class, handling, "kept and raised: sending it again would change nothing");
        PaymentAttempt attempt = engine.useCases.getPayment().get(pending.id()).orElseThrow();
        assertEquals(AttemptStatus.PENDING, attempt.status(), "not counted as the attempt's success");
        assertEquals(OrderStatus.OPEN, engine.useCases.getOrder().get(ReferenceOrderId.of("order-1")).orElseThrow().status());
        assertEquals("PAYMENT_REQUEST_ID_MISMATCH", attempt.reviews().get(0).reason());
        NeedsReview raised = engine.outbox.eventsOf(ReferenceOrderId.of("order-1")).stream()
                .filter(NeedsReview.class::isInstance).map(NeedsReview.class::cast).findFirst().orElseThrow();
        assertTrue(raised.moneyAtRisk());
        assertEquals(InboxStatus.PROCESSED, stored(notification).status());
    }

    @Test
    public void a_capture_notification_that_cannot_be_placed_yet_is_processed_when_antom_resends_it() {
        engine.useCases.createOrGetOrder().createOrGet(UseCaseFixtures.order("order-1"));
        engine.gateway.loseNextAnswer(FakePaymentGateway.Operation.PAY);
        PaymentAttempt unknown = engine.useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of("order-1"),
                UseCaseFixtures.options(CaptureMode.AUTOMATIC))).value();
        List<Fact> facts = engine.gateway.buyerPays(unknown.id());
        RawNotification paymentResult = notificationOf(facts.subList(0, 1));
        RawNotification captureResult = notificationOf(facts.subList(1, 2));

        // the pay answer was lost, so only Antom's payment id could place the capture result, and it is not known yet
        Handling captureFirst = handleNotification.handle(captureResult);
        Handling payment = handleNotification.handle(paymentResult);
        Handling captureResent = handleNotification.handle(captureResult);

        assertInstanceOf(Handling.RetryLater.class, captureFirst);
        assertInstanceOf(Handling.Acknowledge.class, payment);
        assertInstanceOf(Handling.Acknowledge.class, captureResent);
        assertEquals(AttemptStatus.CAPTURED, engine.useCases.getPayment().get(unknown.id()).orElseThrow().status());
        assertEquals(InboxStatus.PROCESSED, stored(captureResult).status());
        assertTrue(engine.inbox.findUnmatched(10).isEmpty());
    }

    @Test
    public void an_unmatched_notification_is_processed_once_its_payment_is_known() {
        PaymentAttempt pending = pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        List<Fact> facts = engine.gateway.buyerPays(pending.id());
        RawNotification captureResult = notificationOf(facts.subList(1, 2));
        RawNotification paymentResult = notificationOf(facts.subList(0, 1));

        // reordered: the capture result arrives first and is placed by Antom's payment id, known from the pay answer
        assertInstanceOf(Handling.Acknowledge.class, handleNotification.handle(captureResult));
        assertInstanceOf(Handling.Acknowledge.class, handleNotification.handle(paymentResult));

        PaymentAttempt attempt = engine.useCases.getPayment().get(pending.id()).orElseThrow();
        assertEquals(AttemptStatus.CAPTURED, attempt.status());
        assertEquals(FakePaymentGateway.CARD.maskedNumber(), attempt.card().maskedNumber());
    }

    @Test
    public void an_unmatched_notification_is_replayed_once_antom_has_stopped_resending_it() {
        engine.useCases.createOrGetOrder().createOrGet(UseCaseFixtures.order("order-1"));
        engine.gateway.loseNextAnswer(FakePaymentGateway.Operation.PAY);
        PaymentAttempt unknown = engine.useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of("order-1"),
                UseCaseFixtures.options(CaptureMode.AUTOMATIC))).value();
        List<Fact> facts = engine.gateway.buyerPays(unknown.id());
        RawNotification captureResult = notificationOf(facts.subList(1, 2));
        handleNotification.handle(captureResult);
        engine.useCases.syncPayment().sync(unknown.id());

        int replayed = engine.replayUnmatchedNotifications(decoder).replay(10);

        assertEquals(1, replayed);
        assertEquals(InboxStatus.PROCESSED, stored(captureResult).status());
        assertEquals(AttemptStatus.CAPTURED, engine.useCases.getPayment().get(unknown.id()).orElseThrow().status());
    }

    @Test
    public void a_notification_that_fails_verification_changes_nothing() {
        PaymentAttempt pending = pendingPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        RawNotification genuine = notificationOf(engine.gateway.buyerPays(pending.id()));
        RawNotification forged = new RawNotification(genuine.method(), genuine.path(),
                Map.of("signature", "algorithm=RSA256,keyVersion=1,signature=" + FakeNotificationDecoder.FORGED),
                genuine.body(), genuine.receivedAt());

        Handling handling = handleNotification.handle(forged);

        assertEquals(Reason.BAD_SIGNATURE, assertInstanceOf(Handling.Rejected.class, handling).reason());
        assertEquals(AttemptStatus.PENDING, engine.useCases.getPayment().get(pending.id()).orElseThrow().status());
        assertTrue(engine.inbox.findUnmatched(10).isEmpty());
        assertTrue(engine.inbox.find("test/" + new String(genuine.body(), StandardCharsets.UTF_8)).isEmpty(),
                "a forged notification is not even stored");
    }

    @Test
    public void a_card_the_buyer_chose_to_save_is_kept_under_the_buyer() {
        engine.useCases.createOrGetOrder().createOrGet(UseCaseFixtures.order("order-1"));
        PaymentOptions saveCard = PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).saveCard(true).build();
        PaymentAttempt pending = engine.useCases.startPayment().start(
                new StartPayment.Command(ReferenceOrderId.of("order-1"), saveCard)).value();

        handleNotification.handle(notificationOf(engine.gateway.buyerPays(pending.id())));

        StoredCard card = engine.cardTokens.findByBuyer(ReferenceBuyerId.of("buyer-1")).get(0);
        assertEquals(FakePaymentGateway.CARD.token(), card.token());
        assertEquals(FakePaymentGateway.CARD.maskedNumber(), card.maskedNumber());
    }

    private RawNotification notificationOf(List<Fact> facts) {
        return decoder.notificationOf(engine.clock.now(), facts.toArray(Fact[]::new));
    }

    private InboxEntry stored(RawNotification notification) {
        return engine.inbox.find("test/" + new String(notification.body(), StandardCharsets.UTF_8)).orElseThrow();
    }
}
