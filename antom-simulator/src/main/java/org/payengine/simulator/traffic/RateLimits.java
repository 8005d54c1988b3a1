package org.payengine.simulator.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.payengine.simulator.fault.Fault;

/**
 * Per-client rate limits per API, answered as Antom answers traffic over its limit
 * ({@code U}/{@code REQUEST_TRAFFIC_EXCEED_LIMIT}). Each (client id, API) has a token bucket that holds
 * {@code perSecond} calls and refills {@code perSecond} calls a second of real time, so short bursts up to the limit
 * pass and a steady rate above it does not. How Antom counts is not documented: the bucket is an assumption.
 * Thread-safe.
 */
public final class RateLimits {

    private final LongSupplier nanoTime;
    private final Map<String, Double> perSecondByApi = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits() {
        this(System::nanoTime);
    }

    /** @param nanoTime the real time source (a test's own) */
    RateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Limits every client to {@code perSecond} calls a second of {@code api}.
     *
     * @throws IllegalArgumentException for an unknown API or a rate that is not positive
     */
    public void set(String api, double perSecond) {
        check(api, perSecond);
        perSecondByApi.put(api, perSecond);
        buckets.keySet().removeIf(key -> key.endsWith('\u0000' + api));
    }

    /** Lifts the limit of {@code api}. */
    public void remove(String api) {
        requireApi(api);
        perSecondByApi.remove(api);
        buckets.keySet().removeIf(key -> key.endsWith('\u0000' + api));
    }

    public void clear() {
        perSecondByApi.clear();
        buckets.clear();
    }

    /** The limits, by API. */
    public Map<String, Double> limits() {
        return Map.copyOf(new TreeMap<>(perSecondByApi));
    }

    /** Whether a call of {@code clientId} to {@code api} is within the limit now (and counts it if so). */
    public boolean admit(String clientId, String api) {
        Double perSecond = perSecondByApi.get(api);
        if (perSecond == null) {
            return true;
        }
        return buckets.computeIfAbsent(clientId + '\u0000' + api, key -> new Bucket(perSecond, nanoTime.getAsLong()))
                .take(nanoTime.getAsLong());
    }

    /** @throws IllegalArgumentException for an unknown API or a rate that is not positive */
    public static void check(String api, double perSecond) {
        requireApi(api);
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a positive number, was " + perSecond);
        }
    }

    private static void requireApi(String api) {
        if (api == null || !Fault.APIS.contains(api)) {
            throw new IllegalArgumentException("api must be one of " + Fault.APIS.stream().sorted().toList() + ", was " + api);
        }
    }

    /** At most {@code capacity} tokens (at least one), refilled at {@code perSecond}. */
    private static final class Bucket {
        private final double perSecond;
        private final double capacity;
        private double tokens;
        private long lastNanos;

        Bucket(double perSecond, long now) {
            this.perSecond = perSecond;
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
            this.lastNanos = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
