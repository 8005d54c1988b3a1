package org.payengine.bootstrap.embedded.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.payengine.application.port.EventSink;
import org.payengine.domain.event.DomainEvent;

/**
 * The application's event sink, its refusals counted ({@code payengine_event_deliveries_failed_total}, by event
 * type): a webhook endpoint or a host's sink that keeps refusing shows on a dashboard before its events are
 * dead-lettered. The refusal itself goes on to the outbox, which logs it with its reason and offers the event again.
 */
public final class MeteredEventSink implements EventSink {

    private final EventSink sink;
    private final MeterRegistry registry;

    public MeteredEventSink(EventSink sink, MeterRegistry registry) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void deliver(DomainEvent event) {
        try {
            sink.deliver(event);
        } catch (RuntimeException refused) {
            Counter.builder("payengine.event.deliveries.failed")
                    .description("Deliveries the event sink refused (each is offered again later), by event type.")
                    .tag("type", event.type())
                    .register(registry)
                    .increment();
            throw refused;
        }
    }
}
