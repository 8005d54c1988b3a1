package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.worker.BackgroundWorkers.OUTBOX;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;

class OutboxDeliveryTest {

    private final WorkerFixture fixture = new WorkerFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    public void events_reach_the_sink_in_order_and_the_run_reports_lag_and_backlog() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        List<DomainEvent> stored = fixture.engine.outbox.eventsOf(pending.orderId());
        fixture.advance(Duration.ofSeconds(3));

        WorkerRun first = fixture.run(OUTBOX);
        assertEquals(1, first.worked(), "one event per order at a time");
        assertEquals(Duration.ofSeconds(3), first.lag());
        assertEquals(stored.size() - 1, first.backlog());
        while (fixture.run(OUTBOX).worked() > 0) {
            fixture.advance(Duration.ofMillis(1));
        }

        assertEquals(stored, fixture.engine.sink.delivered());
    }

    @Test
    public void a_stopped_worker_delivers_nothing_more() {
        PaymentAttempt pending = fixture.start("order-1", CaptureMode.AUTOMATIC);
        fixture.notified(fixture.engine.gateway.buyerPays(pending.id()));
        fixture.workers.worker(OUTBOX).stop();

        assertEquals(WorkerRun.NOTHING_DUE, fixture.run(OUTBOX));
        assertTrue(fixture.engine.sink.delivered().isEmpty());
        assertEquals(fixture.engine.outbox.eventsOf(pending.orderId()).size(),
                fixture.engine.outbox.countDue(fixture.now()), "every event still waits");
    }
}
