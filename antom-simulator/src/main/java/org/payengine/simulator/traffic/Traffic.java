package org.payengine.simulator.traffic;

/** The gateway's traffic settings and counts, shared by the gateway and the control API. */
public final class Traffic {

    private final CallStats stats = new CallStats();
    private final RateLimits limits = new RateLimits();
    private final Latencies latencies = new Latencies();

    public CallStats stats() {
        return stats;
    }

    public RateLimits limits() {
        return limits;
    }

    public Latencies latencies() {
        return latencies;
    }
}
