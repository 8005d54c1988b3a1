package org.payengine.simulator.traffic;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The calls the gateway received per API, and how many of them it refused for the rate limit. Thread-safe. */
public final class CallStats {

    /** One API's counts. */
    public record ApiCalls(long calls, long rateLimited) {
    }

    /** The counts since {@code since} (real time): per API, and in all. */
    public record Snapshot(Instant since, Map<String, ApiCalls> apis, long calls, long rateLimited) {
    }

    private record Counters(LongAdder calls, LongAdder rateLimited) {
    }

    private final Map<String, Counters> byApi = new ConcurrentHashMap<>();
    private volatile Instant since = Instant.now();

    /** A call to {@code api} arrived (whatever becomes of it). */
    public void received(String api) {
        counters(api).calls().increment();
    }

    /** A call to {@code api} was refused with {@code REQUEST_TRAFFIC_EXCEED_LIMIT}. */
    public void rateLimited(String api) {
        counters(api).rateLimited().increment();
    }

    public Snapshot snapshot() {
        Map<String, ApiCalls> apis = new TreeMap<>();
        long calls = 0;
        long rateLimited = 0;
        for (Map.Entry<String, Counters> api : byApi.entrySet()) {
            ApiCalls counted = new ApiCalls(api.getValue().calls().sum(), api.getValue().rateLimited().sum());
            apis.put(api.getKey(), counted);
            calls += counted.calls();
            rateLimited += counted.rateLimited();
        }
        return new Snapshot(since, Map.copyOf(apis), calls, rateLimited);
    }

    /** Starts counting afresh (e.g. after a benchmark's warm-up). */
    public synchronized void reset() {
        byApi.clear();
        since = Instant.now();
    }

    private Counters counters(String api) {
        return byApi.computeIfAbsent(api, name -> new Counters(new LongAdder(), new LongAdder()));
    }
}
