package org.payengine.bootstrap.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.payengine.application.port.Clock;

/**
 * The wall clock, to the microsecond. Both databases keep microseconds, so an answer built before a save
 * shows the same instants as one read back after it.
 */
public final class SystemClock implements Clock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
