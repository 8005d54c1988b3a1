package org.payengine.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * Domain events waiting for delivery to the {@link EventSink}. Events are appended only by
 * {@link Orders#save}, in the same transaction as the state change (the outbox pattern), so an event exists
 * exactly when its change was committed. Delivery is at least once and ordered per order: an event is
 * handed out only when every earlier event of its order ({@link EventId} order) has been delivered.
 * Several engine nodes may claim concurrently; a claim is a lease that expires. Thread-safe.
 */
public interface Outbox {

    /**
     * Claims up to {@code max} undelivered events that are next in line for their order and not leased by
     * another claim (or whose lease has expired), leasing them until {@code now + lease}. At most one event
     * per order is handed out at a time.
     */
    List<DomainEvent> claim(int max, Instant now, Duration lease);

    /** The event was delivered; it is never handed out again, and the next event of its order becomes claimable. */
    void markDelivered(EventId id, Instant at);

    /** Delivery failed; the event (and the events of its order after it) may be claimed again from {@code retryAt}. */
    void release(EventId id, Instant retryAt);

    /** Every event of one order, delivered or not, in order; for queries and tests. */
    List<DomainEvent> eventsOf(ReferenceOrderId orderId);
}
