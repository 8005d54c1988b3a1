package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Outbox.PendingEvent;

/**
 * Delivers due events from the outbox to the event sink, at least once and in order per order (for the outbox
 * worker, which calls it on a schedule, or an embedding application that runs no workers). An event the sink
 * refuses is offered again after a backoff that doubles from {@link #RETRY_AFTER} up to an hour, spread by a
 * jitter; after {@code maxAttempts} deliveries it is dead-lettered: set aside for a person (logged, and listed by
 * {@link Outbox#deadLetters}), so that its order's later events go ahead.
 */
public final class PublishEvents {

    private static final System.Logger LOG = System.getLogger(PublishEvents.class.getName());

    /** How long a claimed event is reserved for this delivery before another node may take it. */
    public static final Duration LEASE = Duration.ofMinutes(1);
    /** How long after its first failed delivery an event is offered again (then doubling, spread by 20 %). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Deliveries after which an event is dead-lettered, by default. */
    public static final int MAX_ATTEMPTS = 20;
    /** The default retry spacing. */
    public static final Backoff RETRY = new Backoff(RETRY_AFTER, Duration.ofHours(1), 0.2);

    private final Outbox outbox;
    private final EventSink sink;
    private final Clock clock;
    private final Backoff retry;
    private final int maxAttempts;
    private final RandomGenerator random;

    @Inject
    public PublishEvents(Outbox outbox, EventSink sink, Clock clock) {
        this(outbox, sink, clock, RETRY, MAX_ATTEMPTS, new Random());
    }

    /**
     * @param retry       the spacing of the deliveries of an event the sink refused
     * @param maxAttempts the deliveries after which an event is dead-lettered
     */
    public PublishEvents(Outbox outbox, EventSink sink, Clock clock, Backoff retry, int maxAttempts,
                         RandomGenerator random) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
        this.retry = Objects.requireNonNull(retry, "retry");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return how many events were delivered in this round */
    public int publishDue(int max) {
        return deliverDue(max).delivered();
    }

    /** Delivers up to {@code max} due events, each once; @return what became of them */
    public Delivery deliverDue(int max) {
        return deliverDue(max, () -> false);
    }

    /**
     * Delivers up to {@code max} due events, each once, until {@code stopping} says to stop: the events claimed but
     * not delivered yet are then given back at once.
     *
     * @return what became of them
     */
    public Delivery deliverDue(int max, BooleanSupplier stopping) {
        Instant claimedAt = clock.now();
        List<PendingEvent> due = outbox.claim(max, claimedAt, LEASE);
        Duration lag = Duration.ZERO;
        int delivered = 0;
        int refused = 0;
        for (PendingEvent pending : due) {
            if (stopping.getAsBoolean()) {
                outbox.release(pending.event().id(), claimedAt, "not attempted: the node was stopping");
                continue;
            }
            Duration waited = Duration.between(pending.event().occurredAt(), claimedAt);
            lag = waited.compareTo(lag) > 0 ? waited : lag;
            try {
                sink.deliver(pending.event());
            } catch (RuntimeException refusal) {
                refused++;
                failed(pending, refusal);
                continue;
            }
            outbox.markDelivered(pending.event().id(), clock.now());
            delivered++;
        }
        return new Delivery(delivered, refused, lag);
    }

    private void failed(PendingEvent pending, RuntimeException refusal) {
        int attempts = pending.attemptsBefore() + 1;
        String error = refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
        Instant now = clock.now();
        if (attempts >= maxAttempts) {
            outbox.deadLetter(pending.event().id(), error, now);
            LOG.log(Level.ERROR, () -> "Event " + pending.event().id() + " (" + pending.event().type()
                    + ") dead-lettered after " + attempts + " failed deliveries; the order's next events go ahead. "
                    + "Last failure: " + error);
            return;
        }
        Duration wait = retry.after(attempts, random);
        outbox.release(pending.event().id(), now.plus(wait), error);
        // WARN: a sink that keeps refusing is found in the log long before its events are dead-lettered
        LOG.log(Level.WARNING, () -> "Event " + pending.event().id() + " (" + pending.event().type()
                + ") not delivered (attempt " + attempts + " of "
                + maxAttempts + "), next try in " + wait + ": " + error);
    }

    /**
     * What one round did.
     *
     * @param lag how long the longest-waiting event of the round had waited since it happened
     */
    public record Delivery(int delivered, int refused, Duration lag) {
    }
}
