package org.payengine.bootstrap;

import org.payengine.application.port.EventSink;
import org.payengine.domain.event.DomainEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone engine's event sink when no other is configured: each event is logged (type, order, id), so an
 * operator sees "order paid" in the log. Events carry ids and amounts, never card data.
 */
public final class LoggingEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger("org.payengine.events");

    @Override
    public void deliver(DomainEvent event) {
        log.info("{} for order {} (event {})", event.type(), event.orderId(), event.id());
    }
}
