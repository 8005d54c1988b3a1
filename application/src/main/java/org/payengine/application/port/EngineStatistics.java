package org.payengine.application.port;

import java.util.Map;
import org.payengine.domain.order.AttemptStatus;

/**
 * Figures about the engine's stored work, read for monitoring ({@code GET /metrics}). Each call reads the
 * store afresh; none needs to be exact to the last row under concurrent writes. Thread-safe; called outside
 * any transaction.
 *
 * @throws StoreUnavailableException from any method when the store does not answer
 */
public interface EngineStatistics {

    /** How many payment attempts are in each status now; statuses without attempts may be left out. */
    Map<AttemptStatus, Long> attemptsByStatus();

    /** Verified notifications stored {@link InboxEntry.InboxStatus#UNMATCHED}, waiting for their payment. */
    long unmatchedNotifications();

    /** Domain events stored and not delivered to the {@link EventSink} yet: the outbox's backlog. */
    long undeliveredEvents();

    /**
     * Domain events {@linkplain Outbox#deadLetter dead-lettered} after too many failed deliveries: set aside, never
     * delivered, waiting for a person ({@link Outbox#deadLetters} lists them). Not part of {@link #undeliveredEvents()}.
     */
    long deadLetteredEvents();
}
