package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.Outbox;
import org.payengine.domain.event.DomainEvent;

/**
 * Delivers due events from the outbox to the event sink, at least once and in order per order (for the outbox
 * worker, which calls it on a schedule). An event the sink refuses is offered again after {@link #RETRY_AFTER}.
 */
public final class PublishEvents {

    /** How long a claimed event is reserved for this delivery before another node may take it. */
    public static final Duration LEASE = Duration.ofMinutes(1);
    /** How long after a failed delivery an event is offered again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final EventSink sink;
    private final Clock clock;

    @Inject
    public PublishEvents(Outbox outbox, EventSink sink, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
    }

    /** @return how many events were delivered in this round */
    public int publishDue(int max) {
        List<DomainEvent> due = outbox.claim(max, clock.now(), LEASE);
        int delivered = 0;
        for (DomainEvent event : due) {
            try {
                sink.deliver(event);
            } catch (RuntimeException refused) {
                Instant now = clock.now();
                outbox.release(event.id(), now.plus(RETRY_AFTER));
                continue;
            }
            outbox.markDelivered(event.id(), clock.now());
            delivered++;
        }
        return delivered;
    }
}
