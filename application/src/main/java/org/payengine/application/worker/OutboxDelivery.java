package org.payengine.application.worker;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.payengine.application.port.Outbox;
import org.payengine.application.usecase.PublishEvents;

/**
 * The outbox worker: each run delivers a batch of due events to the event sink through {@link PublishEvents}
 * (at least once, in order per order, failed deliveries retried with backoff and jitter, hopeless ones
 * dead-lettered), and reports how long the longest-waiting event had waited and how many are still due.
 */
final class OutboxDelivery implements Worker {

    private final PublishEvents publishEvents;
    private final Outbox outbox;
    private final int batchSize;
    private final AtomicBoolean stopping = new AtomicBoolean();

    OutboxDelivery(PublishEvents publishEvents, Outbox outbox, int batchSize) {
        this.publishEvents = publishEvents;
        this.outbox = outbox;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return BackgroundWorkers.OUTBOX;
    }

    @Override
    public WorkerRun runOnce(Instant now) {
        if (stopping.get()) {
            return WorkerRun.NOTHING_DUE;
        }
        PublishEvents.Delivery delivery = publishEvents.deliverDue(batchSize, stopping::get);
        return new WorkerRun(delivery.delivered() + delivery.refused(), delivery.lag(), outbox.countDue(now));
    }

    @Override
    public void stop() {
        stopping.set(true);
    }
}
