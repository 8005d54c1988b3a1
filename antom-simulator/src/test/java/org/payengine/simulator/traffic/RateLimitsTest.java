package org.payengine.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock of the test's own: bursts up to the limit pass, a steady rate above it does not. */
class RateLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimits limits = new RateLimits(nanos::get);

    @Test
    void a_burst_up_to_the_limit_passes_and_the_next_call_in_the_same_second_does_not() {
        limits.set("inquiryPayment", 5);

        for (int i = 0; i < 5; i++) {
            assertTrue(limits.admit("client-1", "inquiryPayment"), "call " + i);
        }
        assertFalse(limits.admit("client-1", "inquiryPayment"));
        assertTrue(limits.admit("client-1", "pay"), "another API has no limit");
        assertTrue(limits.admit("client-2", "inquiryPayment"), "another client has its own bucket");
    }

    @Test
    void the_limit_refills_at_its_rate() {
        limits.set("pay", 2);
        assertTrue(limits.admit("c", "pay"));
        assertTrue(limits.admit("c", "pay"));
        assertFalse(limits.admit("c", "pay"));

        nanos.addAndGet(500_000_000L);
        assertTrue(limits.admit("c", "pay"), "half a second at 2 a second: one more call");
        assertFalse(limits.admit("c", "pay"));

        nanos.addAndGet(10_000_000_000L);
        assertTrue(limits.admit("c", "pay"));
        assertTrue(limits.admit("c", "pay"));
        assertFalse(limits.admit("c", "pay"), "the bucket holds no more than a second's worth");
    }

    @Test
    void a_rate_below_one_a_second_allows_one_call_then_waits() {
        limits.set("refund", 0.5);
        assertTrue(limits.admit("c", "refund"));
        nanos.addAndGet(1_000_000_000L);
        assertFalse(limits.admit("c", "refund"));
        nanos.addAndGet(1_000_000_000L);
        assertTrue(limits.admit("c", "refund"));
    }

    @Test
    void a_lifted_limit_admits_everything() {
        limits.set("pay", 1);
        limits.admit("c", "pay");
        limits.remove("pay");
        assertTrue(limits.admit("c", "pay"));
        assertEquals(java.util.Map.of(), limits.limits());
    }
}
