package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.payengine.application.usecase.Backoff;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0.25);

    @Test
    public void waits_double_up_to_the_longest() {
        assertEquals(Duration.ofSeconds(5), backoff.after(1));
        assertEquals(Duration.ofSeconds(10), backoff.after(2));
        assertEquals(Duration.ofSeconds(40), backoff.after(4));
        assertEquals(Duration.ofMinutes(1), backoff.after(5));
        assertEquals(Duration.ofMinutes(1), backoff.after(1_000));
    }

    @Test
    public void jitter_spreads_each_wait_within_its_fraction_and_not_all_alike() {
        Random random = new Random(11);
        long least = Long.MAX_VALUE;
        long most = 0;
        for (int i = 0; i < 1000; i++) {
            long wait = backoff.after(2, random).toMillis();
            least = Math.min(least, wait);
            most = Math.max(most, wait);
        }
        assertTrue(least >= 7500 && most <= 12500, least + ".." + most);
        assertTrue(most - least > 2500, "spread: " + least + ".." + most);
    }
}
