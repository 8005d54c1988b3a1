package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.payengine.application.testing.TestClock;

class CallBudgetTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final CallBudget budget = new CallBudget(new AntomPacing(8, Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofSeconds(8)), clock, new Random(3));

    @Test
    void background_work_leaves_a_quarter_of_each_seconds_calls_to_the_merchant() {
        int background = 0;
        while (budget.admitBackgroundCall(AntomApi.INQUIRY_PAYMENT)) {
            background++;
        }
        int merchant = 0;
        while (budget.admitMerchantCall(AntomApi.INQUIRY_PAYMENT)) {
            merchant++;
        }

        assertEquals(6, background);
        assertEquals(2, merchant);
    }

    @Test
    void each_api_has_its_own_share_refilled_as_time_passes() {
        for (int i = 0; i < 8; i++) {
            assertTrue(budget.admitMerchantCall(AntomApi.PAY));
        }
        assertFalse(budget.admitMerchantCall(AntomApi.PAY), "a second's calls are used up");
        assertTrue(budget.admitMerchantCall(AntomApi.CAPTURE), "another API's share is untouched");

        clock.advance(Duration.ofMillis(250));

        assertTrue(budget.admitMerchantCall(AntomApi.PAY));
        assertTrue(budget.admitMerchantCall(AntomApi.PAY));
        assertFalse(budget.admitMerchantCall(AntomApi.PAY), "a quarter second brings back a quarter");
    }

    @Test
    void a_slow_down_pauses_the_whole_node_for_longer_while_antom_keeps_asking() {
        budget.slowDown();
        Instant firstPauseEnd = budget.retryAt();
        assertFalse(budget.admitMerchantCall(AntomApi.CAPTURE));
        assertFalse(budget.admitBackgroundCall(AntomApi.INQUIRY_PAYMENT));
        assertTrue(!firstPauseEnd.isAfter(clock.now().plusSeconds(1)), "the first pause is at most a second");

        budget.slowDown(); // asked again during the pause
        Duration second = Duration.between(clock.now(), budget.retryAt());
        assertTrue(second.compareTo(Duration.ofSeconds(1)) >= 0 && second.compareTo(Duration.ofSeconds(2)) <= 0,
                "doubled, with jitter: " + second);
        for (int i = 0; i < 10; i++) {
            budget.slowDown();
        }
        assertTrue(Duration.between(clock.now(), budget.retryAt()).compareTo(Duration.ofSeconds(8)) <= 0,
                "never past the longest pause");
        assertEquals(12, budget.slowDowns());

        clock.advance(Duration.ofSeconds(9));
        assertTrue(budget.admitMerchantCall(AntomApi.CAPTURE), "calls go through once the pause is over");
    }

    @Test
    void a_merchant_call_waits_for_its_turn_no_longer_than_the_pacing_allows() {
        CallBudget patient = new CallBudget(new AntomPacing(1, Duration.ofMillis(50), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), clock);
        assertTrue(patient.admitMerchantCall(AntomApi.PAY));

        assertFalse(patient.admitMerchantCall(AntomApi.PAY), "the clock stands still: no token comes within the wait");
    }
}
