package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
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
        while (engine.publishEvents.publishDue(10) > 0) {
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

        assertEquals(0, engine.publishEvents.publishDue(10));
        assertEquals(0, engine.publishEvents.publishDue(10), "nothing before the retry time");
        engine.clock.advance(PublishEvents.RETRY_AFTER);
        publishUntilIdle();

        assertEquals(engine.outbox.eventsOf(paid.orderId()), engine.sink.delivered());
    }
}
