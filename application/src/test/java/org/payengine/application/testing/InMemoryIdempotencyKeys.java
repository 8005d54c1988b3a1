package org.payengine.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.RememberedRequest;

/**
 * {@link IdempotencyKeys} in memory: one map under one lock, so each method is atomic like the database's
 * conditional writes. Not part of any transaction (nor is the JDBC store's: each call is a unit of its own).
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<IdempotencyKey, RememberedRequest> entries = new HashMap<>();

    @Override
    public synchronized Optional<RememberedRequest> find(IdempotencyKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized boolean insert(RememberedRequest claimed) {
        return entries.putIfAbsent(claimed.key(), claimed) == null;
    }

    @Override
    public synchronized boolean replace(String expectedClaimToken, RememberedRequest next) {
        RememberedRequest current = entries.get(next.key());
        if (current == null || !current.claimToken().equals(expectedClaimToken)) {
            return false;
        }
        entries.put(next.key(), next);
        return true;
    }

    @Override
    public synchronized boolean answer(RememberedRequest answered) {
        RememberedRequest current = entries.get(answered.key());
        if (current == null || !current.claimToken().equals(answered.claimToken()) || current.isAnswered()) {
            return false;
        }
        entries.put(answered.key(), answered);
        return true;
    }

    @Override
    public synchronized void release(IdempotencyKey key, String claimToken) {
        RememberedRequest current = entries.get(key);
        if (current != null && current.claimToken().equals(claimToken) && !current.isAnswered()) {
            entries.remove(key);
        }
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        List<IdempotencyKey> expired = entries.values().stream()
                .filter(entry -> entry.expiresAt().isBefore(now))
                .sorted(Comparator.comparing(RememberedRequest::expiresAt))
                .limit(limit)
                .map(RememberedRequest::key)
                .toList();
        expired.forEach(entries::remove);
        return expired.size();
    }
}
