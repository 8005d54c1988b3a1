package org.payengine.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * Domain events waiting for delivery to the {@link EventSink}. Events are appended only by
 * {@link Orders#save}, in the same transaction as the state change (the outbox pattern), so an event exists
 * exactly when its change was committed. Delivery is at least once and ordered per order: an event is
 * handed out only when every earlier event of its order ({@link EventId} order) has been delivered or
 * dead-lettered. Several engine nodes may claim concurrently; a claim is a lease that expires. Thread-safe.
 */
public interface Outbox {

    /**
     * Claims up to {@code max} undelivered events that are next in line for their order and not leased by
     * another claim (or whose lease has expired), leasing them until {@code now + lease}. At most one event
     * per order is handed out at a time. Each claim counts as a delivery attempt.
     */
    List<PendingEvent> claim(int max, Instant now, Duration lease);

    /** The event was delivered; it is never handed out again, and the next event of its order becomes claimable. */
    void markDelivered(EventId id, Instant at);

    /**
     * Delivery failed; the event (and the events of its order after it) may be claimed again from {@code retryAt}.
     *
     * @param error why, for operators (never a secret)
     */
    void release(EventId id, Instant retryAt, String error);

    /**
     * Sets an event aside for good after too many failed deliveries: it is never handed out again, the next event
     * of its order becomes claimable, and it is listed by {@link #deadLetters}, with the reason, for a person.
     */
    void deadLetter(EventId id, String reason, Instant at);

    /** How many undelivered events are due at {@code now}: the delivery backlog (events waiting behind an earlier one count too). */
    long countDue(Instant now);

    /** The dead-lettered events in the order they were stored, at most {@code limit}. */
    List<DeadLetter> deadLetters(int limit);

    /** Every event of one order, delivered or not, in order; for queries and tests. */
    List<DomainEvent> eventsOf(ReferenceOrderId orderId);

    /**
     * A claimed event.
     *
     * @param attemptsBefore how many times it was claimed for delivery before this claim
     */
    record PendingEvent(DomainEvent event, int attemptsBefore) {
        public PendingEvent {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An event set aside after too many failed deliveries.
     *
     * @param attempts how many times delivery was attempted
     * @param reason   the last failure, as given to {@link #deadLetter}
     */
    record DeadLetter(DomainEvent event, int attempts, String reason, Instant deadLetteredAt) {
        public DeadLetter {
            Objects.requireNonNull(event, "event");
        }
    }
}
