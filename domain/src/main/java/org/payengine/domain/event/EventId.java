package org.payengine.domain.event;

import java.util.Objects;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * The stable id of a domain event: the order it belongs to, the order version whose save recorded it,
 * and its position among the events of that save. Ids are deterministic (no generator needed), unique
 * because an order version is saved once (optimistic locking), and sort events of an order in the
 * order they happened, which is the order they are delivered in.
 */
public record EventId(ReferenceOrderId orderId, long orderVersion, int index) implements Comparable<EventId> {

    public EventId {
        Objects.requireNonNull(orderId, "orderId");
        if (orderVersion < 1) {
            throw new IllegalArgumentException("orderVersion must be at least 1, was " + orderVersion);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
    }

    /** Text form {@code <referenceOrderId>#<version>.<index>}; the order id is read up to the last {@code #}. */
    public String value() {
        return orderId.value() + "#" + orderVersion + "." + index;
    }

    /** Reads the text form written by {@link #value()}. */
    public static EventId parse(String value) {
        int hash = value.lastIndexOf('#');
        int dot = value.lastIndexOf('.');
        if (hash <= 0 || dot < hash) {
            throw new IllegalArgumentException("not an event id: \"" + value + "\"");
        }
        return new EventId(ReferenceOrderId.of(value.substring(0, hash)),
                Long.parseLong(value.substring(hash + 1, dot)), Integer.parseInt(value.substring(dot + 1)));
    }

    @Override
    public int compareTo(EventId other) {
        int byOrder = orderId.value().compareTo(other.orderId.value());
        if (byOrder != 0) {
            return byOrder;
        }
        int byVersion = Long.compare(orderVersion, other.orderVersion);
        return byVersion != 0 ? byVersion : Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return value();
    }
}
