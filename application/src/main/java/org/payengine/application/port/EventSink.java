package org.payengine.application.port;

import org.payengine.domain.event.DomainEvent;

/**
 * Where domain events go to the embedding application ("order paid — ship it", "capture failed",
 * "needs review"). The outbox delivers each event at least once and, per order, in the order the events
 * happened; an implementation must therefore tolerate receiving the same event again (deduplicate by
 * {@link DomainEvent#id()}).
 */
public interface EventSink {

    /**
     * Delivers one event. Returning normally means the event is handed over for good; throwing any
     * runtime exception means it was not, and it will be delivered again later (the events of the same
     * order after it wait meanwhile).
     */
    void deliver(DomainEvent event);
}
