package org.payengine.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.payengine.application.port.EventSink;
import org.payengine.domain.event.DomainEvent;

/** An {@link EventSink} that remembers what it received and can be told to refuse the next deliveries. Thread-safe. */
public final class RecordingEventSink implements EventSink {

    private final List<DomainEvent> delivered = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();

    @Override
    public synchronized void deliver(DomainEvent event) {
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the sink refused " + event.id() + " (as the test asked)");
        }
        delivered.add(event);
    }

    /** The next {@code count} deliveries throw. */
    public void refuseNext(int count) {
        refusals.set(count);
    }

    public synchronized List<DomainEvent> delivered() {
        return List.copyOf(delivered);
    }
}
