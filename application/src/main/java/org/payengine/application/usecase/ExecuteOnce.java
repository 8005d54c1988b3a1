package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.payengine.application.port.Clock;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.RecordedAnswer;
import org.payengine.application.port.RememberedRequest;

/**
 * Executes a request sent with an idempotency key at most once, however often and on whichever node it is sent
 * again: the first one claims the key in {@link IdempotencyKeys} and is executed; its answer is kept for
 * {@link #KEPT_FOR}, and every retry within that time gets that answer again instead of an execution.
 *
 * <ul>
 *   <li>The same key with another request (another fingerprint) is refused: {@link Outcome.KeyReused}.</li>
 *   <li>A retry that arrives while the first is still being executed is not held up and not executed: it is told
 *       so ({@link Outcome.InProgress}) and may be sent again a moment later. Should the execution holding the key
 *       die with its node, the key is free again {@link #EXECUTION_LEASE} after it was claimed, and the next retry
 *       executes the request (no request takes that long: a request calls Antom once at most, with timeouts of
 *       seconds).</li>
 *   <li>An execution whose answer is not worth keeping (the caller says so: "nothing was done, try again") releases
 *       the key, and the next retry executes the request again.</li>
 * </ul>
 *
 * <p>Expired keys are deleted by the requests that come after them — at most once a {@link #PURGE_EVERY minute}
 * per instance, {@value #PURGE_BATCH} at a time — so the store holds about a day of keys without a worker of its
 * own.
 */
public final class ExecuteOnce {

    /** How long a key and its answer are kept: a retry within this time is answered, not executed. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);
    /** How long an execution holds a key before another may take it over (the holder is presumed dead by then). */
    public static final Duration EXECUTION_LEASE = Duration.ofMinutes(5);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    static final int PURGE_BATCH = 1_000;
    /** Rounds of "read, then write only if unchanged" lost to other nodes before giving up (a 503: try again). */
    private static final int MAX_CLAIM_ROUNDS = 8;

    private static final System.Logger LOG = System.getLogger(ExecuteOnce.class.getName());

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    @Inject
    public ExecuteOnce(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param key         the key the request came with
     * @param fingerprint a digest of everything that makes the request what it is (for HTTP: method, path, body)
     */
    public record Command(IdempotencyKey key, String fingerprint) {
        public Command {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /**
     * What executing the request gave.
     *
     * @param keep whether the answer is the request's for good (false: nothing was done and the request may be
     *             executed again, as after an unreachable store)
     */
    public record Execution(RecordedAnswer answer, boolean keep) {
        public Execution {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** How the request was answered. */
    public sealed interface Outcome {

        /** It was executed now; {@code answer} is its answer. */
        record Executed(RecordedAnswer answer) implements Outcome {
        }

        /** It was executed before (first sent at {@code firstSentAt}); {@code answer} is the answer it got then. */
        record Replayed(RecordedAnswer answer, Instant firstSentAt) implements Outcome {
        }

        /** Another request was sent with this key (at {@code firstSentAt}); nothing was executed. */
        record KeyReused(IdempotencyKey key, Instant firstSentAt) implements Outcome {
        }

        /** The same request is being executed right now (since {@code since}); nothing was executed. */
        record InProgress(IdempotencyKey key, Instant since) implements Outcome {
        }
    }

    /**
     * Executes {@code request} unless the key was used before, and keeps its answer.
     *
     * @param request executes the request and tells its answer; called at most once, on this thread
     * @throws ConcurrentUpdateException when other nodes kept changing the key's entry (try again)
     * @throws RuntimeException          whatever {@code request} threw (the key is released first)
     */
    public Outcome execute(Command command, Supplier<Execution> request) {
        String claimToken = UUID.randomUUID().toString();
        RememberedRequest claimed = null;
        for (int round = 1; claimed == null; round++) {
            if (round > MAX_CLAIM_ROUNDS) {
                throw new ConcurrentUpdateException("the idempotency key " + command.key()
                        + " kept changing under concurrent requests", null);
            }
            Instant now = clock.now();
            RememberedRequest mine = RememberedRequest.claimed(command.key(), command.fingerprint(), claimToken, now,
                    now.plus(KEPT_FOR), now.plus(EXECUTION_LEASE));
            Optional<RememberedRequest> found = keys.find(command.key());
            if (found.isEmpty()) {
                claimed = keys.insert(mine) ? mine : null;
                continue;
            }
            RememberedRequest entry = found.get();
            if (!entry.expiresAt().isAfter(now)) {
                claimed = keys.replace(entry.claimToken(), mine) ? mine : null;
            } else if (!entry.fingerprint().equals(command.fingerprint())) {
                return new Outcome.KeyReused(command.key(), entry.createdAt());
            } else if (entry.isAnswered()) {
                return new Outcome.Replayed(entry.answer(), entry.createdAt());
            } else if (entry.claimedUntil().isAfter(now)) {
                return new Outcome.InProgress(command.key(), entry.createdAt());
            } else {
                LOG.log(Level.WARNING, "The request with idempotency key {0} was claimed at {1} and never answered"
                        + " (its node stopped?); executing it again", command.key(), entry.createdAt());
                claimed = keys.replace(entry.claimToken(), mine) ? mine : null;
            }
        }
        Execution execution;
        try {
            execution = request.get();
        } catch (RuntimeException | Error failure) {
            releaseQuietly(claimed);
            throw failure;
        }
        if (execution.keep()) {
            keepAnswer(claimed.answered(execution.answer()));
        } else {
            releaseQuietly(claimed);
        }
        purgeWhenDue();
        return new Outcome.Executed(execution.answer());
    }

    /** The request was executed: its answer goes to the client even when the store cannot keep it now. */
    private void keepAnswer(RememberedRequest answered) {
        try {
            if (!keys.answer(answered)) {
                LOG.log(Level.WARNING, "The answer to the request with idempotency key {0} is not kept: the request"
                        + " ran past {1} and another execution took the key over", answered.key(), EXECUTION_LEASE);
            }
        } catch (RuntimeException storeFailure) {
            LOG.log(Level.WARNING, "The answer to the request with idempotency key {0} could not be kept ({1}); a"
                    + " retry after {2} executes it again", answered.key(), storeFailure.toString(), EXECUTION_LEASE);
        }
    }

    private void releaseQuietly(RememberedRequest claimed) {
        try {
            keys.release(claimed.key(), claimed.claimToken());
        } catch (RuntimeException storeFailure) {
            LOG.log(Level.WARNING, "The idempotency key {0} could not be released ({1}); it is free again after {2}",
                    claimed.key(), storeFailure.toString(), EXECUTION_LEASE);
        }
    }

    private void purgeWhenDue() {
        Instant now = clock.now();
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return; // purged a moment ago, or another request of this instance is purging now
        }
        try {
            int purged = keys.purgeExpired(now, PURGE_BATCH);
            if (purged > 0) {
                LOG.log(Level.DEBUG, "Deleted {0} expired idempotency keys", purged);
            }
        } catch (RuntimeException storeFailure) {
            LOG.log(Level.WARNING, "Expired idempotency keys could not be deleted now ({0}); later requests try again",
                    storeFailure.toString());
        }
    }
}
