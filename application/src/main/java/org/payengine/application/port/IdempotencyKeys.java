package org.payengine.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The requests sent with an {@link IdempotencyKey}, with their answers: durable, and shared by every engine node
 * on the same store, so that a request retried with the same key is answered again by whichever node it reaches,
 * never executed twice.
 *
 * <p>Each method is atomic on its own and runs in a transaction of its own: a key is claimed before the request
 * is executed and answered after, neither inside the request's own units of work. The writes are conditional
 * ({@link #insert} only where no entry is, the others only where the entry still has the claim token the caller
 * holds), which is what makes two executions of one request impossible: of two callers, one loses and reads
 * again.
 *
 * <p>Thread-safe.
 *
 * @throws StoreUnavailableException from any method when the store does not answer
 */
public interface IdempotencyKeys {

    /** The entry under {@code key}, expired or not. */
    Optional<RememberedRequest> find(IdempotencyKey key);

    /**
     * Stores {@code claimed} unless an entry exists under its key.
     *
     * @return false when another entry was there (nothing is written)
     */
    boolean insert(RememberedRequest claimed);

    /**
     * Replaces the entry under {@code next.key()} by {@code next} if it still has {@code expectedClaimToken} (to
     * take over a key that expired, or whose execution lapsed).
     *
     * @return false when the entry is gone or holds another claim token (nothing is written)
     */
    boolean replace(String expectedClaimToken, RememberedRequest next);

    /**
     * Keeps the answer of the execution that holds the key with {@code answered.claimToken()}.
     *
     * @return false when the key is no longer held by that execution (nothing is written)
     */
    boolean answer(RememberedRequest answered);

    /**
     * Forgets the key if the execution with {@code claimToken} still holds it unanswered: the request ended with
     * nothing worth keeping, and may be executed again with the same key.
     */
    void release(IdempotencyKey key, String claimToken);

    /**
     * Deletes up to {@code limit} entries that expired before {@code now}.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant now, int limit);
}
