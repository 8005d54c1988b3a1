package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.Outbox;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.event.CaptureCompleted;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.OrderAuthorized;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;

class PublishEventsTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    private void publishUntilIdle() {
        while (engine.useCases.publishEvents().publishDue(10) > 0) {
            engine.clock.advance(PublishEvents.LEASE);
        }
    }

    @Test
    public void events_reach_the_sink_in_the_order_they_happened() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);

        publishUntilIdle();

        List<DomainEvent> stored = engine.outbox.eventsOf(paid.orderId());
        assertEquals(stored, engine.sink.delivered());
        assertEquals(List.of(OrderAuthorized.class, CaptureCompleted.class, OrderPaid.class),
                engine.sink.delivered().stream().map(Object::getClass).toList());
    }

    @Test
    public void an_event_the_sink_refused_is_delivered_again_later_and_the_next_ones_wait() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        engine.sink.refuseNext(1);

        assertEquals(0, engine.useCases.publishEvents().publishDue(10));
        assertEquals(0, engine.useCases.publishEvents().publishDue(10), "nothing before the retry time");
        engine.clock.advance(PublishEvents.RETRY_AFTER);
        publishUntilIdle();

        assertEquals(engine.outbox.eventsOf(paid.orderId()), engine.sink.delivered());
    }

    @Test
    public void each_new_refusal_doubles_the_wait_before_the_next_delivery() {
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        engine.sink.refuseNext(3);

        assertEquals(1, engine.useCases.publishEvents().deliverDue(10).refused());
        for (Duration wait : List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20))) {
            engine.clock.advance(wait.minusMillis(1));
            assertEquals(new PublishEvents.Delivery(0, 0, Duration.ZERO), engine.useCases.publishEvents().deliverDue(10),
                    "nothing before " + wait);
            engine.clock.advance(Duration.ofMillis(1));
            PublishEvents.Delivery delivery = engine.useCases.publishEvents().deliverDue(10);
            assertEquals(1, delivery.delivered() + delivery.refused(), "offered again after " + wait);
        }

        publishUntilIdle();
        assertEquals(engine.outbox.eventsOf(paid.orderId()), engine.sink.delivered());
    }

    @Test
    public void an_event_refused_too_often_is_dead_lettered_and_its_orders_next_events_go_ahead() {
        PublishEvents twoTries = new PublishEvents(engine.outbox, engine.sink, engine.clock,
                new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), 0), 2, new Random(1));
        PaymentAttempt paid = UseCaseFixtures.paidPayment(engine, "order-1", CaptureMode.AUTOMATIC);
        List<DomainEvent> stored = engine.outbox.eventsOf(paid.orderId());
        engine.sink.refuseNext(2);

        twoTries.publishDue(10);
        engine.clock.advance(Duration.ofSeconds(5));
        twoTries.publishDue(10);
        while (twoTries.publishDue(10) > 0) {
            engine.clock.advance(PublishEvents.LEASE);
        }

        assertEquals(stored.subList(1, stored.size()), engine.sink.delivered());
        List<Outbox.DeadLetter> dead = engine.outbox.deadLetters(10);
        assertEquals(1, dead.size());
        assertEquals(stored.get(0), dead.get(0).event());
        assertEquals(2, dead.get(0).attempts());
        assertTrue(dead.get(0).reason().contains("the sink refused"), dead.get(0).reason());
    }
}
