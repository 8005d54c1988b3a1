package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Outbox.DeadLetter;
import org.payengine.application.port.Outbox.PendingEvent;
import org.payengine.application.port.Transactions;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * What every {@link Outbox} must do: hand out each order's events one at a time in order, lease them, redeliver
 * after a failure or an expired lease, count the attempts, and never again once delivered or dead-lettered.
 * Events enter through {@link Orders#save}.
 */
public abstract class OutboxContract {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    protected abstract Outbox outbox();

    protected abstract Orders orders();

    protected abstract Transactions transactions();

    @Test
    public void events_of_one_order_are_handed_out_one_at_a_time_in_order() {
        ReferenceOrderId id = orderWithTwoEvents();
        List<DomainEvent> events = outbox().eventsOf(id);
        assertEquals(2, events.size());

        List<DomainEvent> first = claimOf(id, T0);
        assertEquals(List.of(events.get(0)), first);
        assertTrue(claimOf(id, T0).isEmpty(), "the next event waits until the first is delivered");

        outbox().markDelivered(events.get(0).id(), T0);
        assertEquals(List.of(events.get(1)), claimOf(id, T0));
    }

    @Test
    public void a_delivered_event_is_never_handed_out_again() {
        ReferenceOrderId id = orderWithTwoEvents();
        List<DomainEvent> events = outbox().eventsOf(id);
        claimOf(id, T0);
        outbox().markDelivered(events.get(0).id(), T0);
        claimOf(id, T0);
        outbox().markDelivered(events.get(1).id(), T0);

        assertTrue(claimOf(id, T0.plus(Duration.ofDays(1))).isEmpty());
        assertEquals(events, outbox().eventsOf(id), "delivered events are still listed");
    }

    @Test
    public void a_leased_event_is_handed_out_again_once_its_lease_expired() {
        ReferenceOrderId id = orderWithTwoEvents();
        DomainEvent first = claimOf(id, T0).get(0);

        assertTrue(claimOf(id, T0.plus(LEASE).minusSeconds(1)).isEmpty());
        assertEquals(List.of(first), claimOf(id, T0.plus(LEASE)));
    }

    @Test
    public void a_released_event_is_handed_out_again_from_its_retry_time() {
        ReferenceOrderId id = orderWithTwoEvents();
        DomainEvent first = claimOf(id, T0).get(0);

        outbox().release(first.id(), T0.plusSeconds(30), "HTTP 503 from the merchant");

        assertTrue(claimOf(id, T0.plusSeconds(29)).isEmpty());
        assertEquals(List.of(first), claimOf(id, T0.plusSeconds(30)));
    }

    @Test
    public void events_of_different_orders_are_handed_out_side_by_side() {
        ReferenceOrderId one = orderWithTwoEvents();
        ReferenceOrderId two = orderWithTwoEvents();

        List<DomainEvent> claimed = outbox().claim(10_000, T0, LEASE).stream().map(PendingEvent::event).toList();

        assertTrue(claimed.contains(outbox().eventsOf(one).get(0)));
        assertTrue(claimed.contains(outbox().eventsOf(two).get(0)));
        assertFalse(claimed.contains(outbox().eventsOf(one).get(1)));
    }

    @Test
    public void each_claim_counts_as_a_delivery_attempt() {
        ReferenceOrderId id = orderWithTwoEvents();
        assertEquals(0, pendingOf(id, T0).get(0).attemptsBefore());
        assertEquals(1, pendingOf(id, T0.plus(LEASE)).get(0).attemptsBefore(), "a lease that ran out was an attempt");
        DomainEvent first = outbox().eventsOf(id).get(0);
        outbox().release(first.id(), T0.plus(LEASE), "timed out");

        assertEquals(2, pendingOf(id, T0.plus(LEASE)).get(0).attemptsBefore());
    }

    @Test
    public void a_dead_lettered_event_is_set_aside_listed_and_no_longer_holds_back_its_order() {
        ReferenceOrderId id = orderWithTwoEvents();
        List<DomainEvent> events = outbox().eventsOf(id);
        claimOf(id, T0);

        outbox().deadLetter(events.get(0).id(), "HTTP 410 from the merchant", T0.plusSeconds(1));

        assertEquals(List.of(events.get(1)), claimOf(id, T0.plusSeconds(1)));
        DeadLetter letter = outbox().deadLetters(10_000).stream()
                .filter(dead -> dead.event().id().equals(events.get(0).id())).findFirst().orElseThrow();
        assertEquals("HTTP 410 from the merchant", letter.reason());
        assertEquals(1, letter.attempts());
        assertEquals(T0.plusSeconds(1), letter.deadLetteredAt());
        outbox().markDelivered(events.get(1).id(), T0.plusSeconds(2));
        assertTrue(claimOf(id, T0.plus(Duration.ofDays(1))).isEmpty(), "never handed out again");
    }

    @Test
    public void the_backlog_counts_the_undelivered_events_that_are_due() {
        // a century before the instants other tests use, so that only this test's events are due
        Instant before = Instant.parse("1900-01-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000_000));
        ReferenceOrderId id = orderWithTwoEvents(before);
        assertEquals(2, outbox().countDue(before), "both events of the order are due, the second behind the first");

        DomainEvent first = claimOf(id, before).get(0);
        assertEquals(1, outbox().countDue(before), "a leased event is not due");
        outbox().markDelivered(first.id(), before);
        assertEquals(1, outbox().countDue(before));
        assertEquals(0, outbox().countDue(before.minusSeconds(1)));
    }

    private List<DomainEvent> claimOf(ReferenceOrderId id, Instant now) {
        return pendingOf(id, now).stream().map(PendingEvent::event).toList();
    }

    private List<PendingEvent> pendingOf(ReferenceOrderId id, Instant now) {
        return outbox().claim(10_000, now, LEASE).stream().filter(pending -> pending.event().orderId().equals(id))
                .toList();
    }

    /** A saved order with two events: its payment was authorized, then its capture deadline came near. */
    private ReferenceOrderId orderWithTwoEvents() {
        return orderWithTwoEvents(T0);
    }

    private ReferenceOrderId orderWithTwoEvents(Instant at) {
        ReferenceOrderId id = ReferenceOrderId.of("outbox-" + UUID.randomUUID());
        Money amount = Money.of("SGD", 4200);
        Order order = Order.create(id, amount, null, Buyer.ANONYMOUS, List.of(), at);
        PaymentRequestId attempt = PaymentRequestId.of("pay-" + UUID.randomUUID());
        order.startAttempt(attempt, PaymentOptions.hostedCard("https://shop.example/back",
                TerminalEnvironment.of(TerminalType.WEB, null)).captureMode(CaptureMode.MANUAL).build(), at);
        PaymentId paymentId = PaymentId.of("antom-" + attempt.value());
        order.apply(new PaymentInProcess(attempt, paymentId, null), FactSource.API_RESPONSE, at);
        order.apply(new PaymentSucceeded(attempt, paymentId, amount, at, null, CardFacts.NONE), FactSource.NOTIFICATION, at);
        order.warnCaptureDeadlineNear(attempt, at);
        transactions().run(() -> orders().save(order));
        return id;
    }
}
