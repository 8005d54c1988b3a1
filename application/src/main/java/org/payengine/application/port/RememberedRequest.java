package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link IdempotencyKeys} keeps under one key: which request was sent with it, who is executing it or what it
 * was answered.
 *
 * @param fingerprint  a digest of the request (its method, path and body), telling a retry of it from another request
 *                     sent with the same key
 * @param claimToken   names the one execution of the request that holds the key; a new one each time the key is
 *                     claimed
 * @param createdAt    when the key was first claimed
 * @param expiresAt    when the key may be forgotten and used afresh
 * @param claimedUntil while unanswered: until when the execution holding the key is presumed alive (past it, the
 *                     request may be executed again); {@code null} once answered
 * @param answer       what the request was answered; {@code null} while it is being executed
 */
public record RememberedRequest(IdempotencyKey key, String fingerprint, String claimToken, Instant createdAt,
                                Instant expiresAt, Instant claimedUntil, RecordedAnswer answer) {

    public RememberedRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(claimToken, "claimToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((answer == null) == (claimedUntil == null)) {
            throw new IllegalArgumentException("a remembered request is either claimed (until an instant) or answered");
        }
    }

    /** A key just claimed by an execution of the request. */
    public static RememberedRequest claimed(IdempotencyKey key, String fingerprint, String claimToken, Instant now,
                                            Instant expiresAt, Instant claimedUntil) {
        return new RememberedRequest(key, fingerprint, claimToken, now, expiresAt, claimedUntil, null);
    }

    public boolean isAnswered() {
        return answer != null;
    }

    /** The same request, answered. */
    public RememberedRequest answered(RecordedAnswer recorded) {
        return new RememberedRequest(key, fingerprint, claimToken, createdAt, expiresAt, null,
                Objects.requireNonNull(recorded, "answer"));
    }
}
