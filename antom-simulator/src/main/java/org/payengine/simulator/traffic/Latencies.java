package org.payengine.simulator.traffic;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.payengine.simulator.fault.Fault;

/**
 * How long the gateway holds each API's answers (real time), so that a benchmark sees Antom-like answer times
 * rather than a loopback's few milliseconds. Thread-safe.
 */
public final class Latencies {

    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final Map<String, Duration> byApi = new ConcurrentHashMap<>();

    /**
     * Holds the answers of {@code api} for {@code latency}; zero removes it.
     *
     * @throws IllegalArgumentException for an unknown API, or a latency below zero or above a minute
     */
    public void set(String api, Duration latency) {
        check(api, latency);
        if (latency.isZero()) {
            byApi.remove(api);
        } else {
            byApi.put(api, latency);
        }
    }

    /** @throws IllegalArgumentException for an unknown API, or a latency below zero or above a minute */
    public static void check(String api, Duration latency) {
        if (api == null || !Fault.APIS.contains(api)) {
            throw new IllegalArgumentException("api must be one of " + Fault.APIS.stream().sorted().toList() + ", was " + api);
        }
        if (latency.isNegative() || latency.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the latency must be between 0 and " + LONGEST.toSeconds() + " s, was "
                    + latency.toMillis() + " ms");
        }
    }

    public void clear() {
        byApi.clear();
    }

    /** The latency of {@code api}'s answers; zero when none is set. */
    public Duration of(String api) {
        return api == null ? Duration.ZERO : byApi.getOrDefault(api, Duration.ZERO);
    }

    /** The latencies, by API. */
    public Map<String, Duration> all() {
        return Map.copyOf(new TreeMap<>(byApi));
    }

    /**
     * Reads {@code 300ms}, {@code 2s}, {@code 1.5s} or a bare number of milliseconds.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).strip()));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1).strip()) * 1000));
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a latency such as 300ms or 1.5s");
        }
    }
}
