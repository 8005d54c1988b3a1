package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant SINCE = Instant.parse("2025-03-01T10:00:00Z");
    private final PollSchedule schedule = PollSchedule.DEFAULT;

    @Test
    public void polls_every_two_seconds_during_the_fast_phase() {
        assertEquals(Duration.ofSeconds(2), waitAt(Duration.ZERO));
        assertEquals(Duration.ofSeconds(2), waitAt(Duration.ofSeconds(119)));
    }

    @Test
    public void then_the_waits_grow_by_the_backoff_factor_up_to_the_longest_wait() {
        assertEquals(Duration.ofSeconds(2), waitAt(Duration.ofSeconds(120)), "never less than the fast interval");
        assertEquals(Duration.ofSeconds(5), waitAt(Duration.ofSeconds(125)));
        Duration age = Duration.ofSeconds(125);
        for (int poll = 0; poll < 3; poll++) {
            Duration wait = waitAt(age);
            age = age.plus(wait);
            assertEquals(wait.multipliedBy(2), waitAt(age), "each wait doubles the time past the fast phase");
        }
        assertEquals(Duration.ofMinutes(1), waitAt(Duration.ofHours(3)));
    }

    @Test
    public void jitter_spreads_a_wait_by_at_most_its_fraction() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Instant next = schedule.nextCheck(SINCE, SINCE.plusSeconds(1), 0.2, random);
            long wait = Duration.between(SINCE.plusSeconds(1), next).toMillis();
            assertTrue(wait >= 1600 && wait <= 2400, wait + " ms");
        }
    }

    @Test
    public void nonsense_is_refused_naming_the_setting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new PollSchedule(
                Duration.ofSeconds(2), Duration.ofMinutes(2), 0.5, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO));
        assertTrue(refused.getMessage().startsWith("backoff"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PollSchedule(Duration.ofSeconds(2), Duration.ofMinutes(2),
                2, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
    }

    private Duration waitAt(Duration age) {
        Instant now = SINCE.plus(age);
        return Duration.between(now, schedule.nextCheck(SINCE, now));
    }
}
