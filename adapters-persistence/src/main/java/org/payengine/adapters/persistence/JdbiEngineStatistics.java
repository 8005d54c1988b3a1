package org.payengine.adapters.persistence;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.InboxEntry;
import org.payengine.domain.order.AttemptStatus;

/** The figures {@code /metrics} shows, counted by the database at each scrape (each count an indexed read). */
final class JdbiEngineStatistics implements EngineStatistics {

    private final Jdbi jdbi;

    JdbiEngineStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<AttemptStatus, Long> attemptsByStatus() {
        return read(() -> jdbi.withHandle(handle -> {
            Map<AttemptStatus, Long> counts = new EnumMap<>(AttemptStatus.class);
            handle.createQuery("SELECT status, COUNT(*) AS attempts FROM payment_attempts GROUP BY status")
                    .map((row, context) -> Map.entry(AttemptStatus.valueOf(row.getString("status")),
                            row.getLong("attempts")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        }));
    }

    @Override
    public long unmatchedNotifications() {
        return read(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM notifications WHERE outcome = :unmatched")
                .bind("unmatched", InboxEntry.InboxStatus.UNMATCHED.name())
                .mapTo(Long.class).one()));
    }

    @Override
    public long undeliveredEvents() {
        // next_attempt_at is NULL exactly when the event was delivered or dead-lettered (set aside, not waiting)
        return read(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM outbox_events WHERE next_attempt_at IS NOT NULL")
                .mapTo(Long.class).one()));
    }

    @Override
    public long deadLetteredEvents() {
        return read(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM outbox_events WHERE dead_lettered_at IS NOT NULL")
                .mapTo(Long.class).one()));
    }

    private static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e);
        }
    }
}
