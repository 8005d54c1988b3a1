package org.payengine.domain.event;

import java.time.Instant;

/** The order was closed without being paid; any later success for it is undone as a duplicate. */
public record OrderClosed(EventId id, Instant occurredAt, String reason) implements DomainEvent {

    @Override
    public String type() {
        return "order.closed";
    }
}
