package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.domain.order.Interleaving.Promise;
import org.payengine.domain.order.Interleaving.Scenario;
import org.payengine.domain.order.Interleaving.Step;
import org.payengine.domain.work.WorkKind;
import org.quicktheories.core.Gen;

/**
 * The domain's promises over generated interleavings: facts from the pay response, notifications and inquiries
 * for several attempts of one order and for their refunds, duplicated, reordered and contradictory, with merchant
 * captures and refunds at random times. QuickTheories prints the seed of a failing run and the smallest failing scenario; replay it with
 * {@code -DQT_SEED=<seed>}.
 */
class OrderPropertiesTest {

    private static final int EXAMPLES = 1_000;

    private static Gen<Step> steps() {
        return integers().between(0, Step.KINDS - 1).zip(integers().between(0, 4), integers().between(0, 2),
                integers().between(0, 9), integers().between(0, 100_000), Step::new);
    }

    private static Gen<Scenario> scenarios() {
        return integers().between(1, 3).zip(integers().between(0, 31), lists().of(steps()).ofSizeBetween(1, 80),
                Scenario::new);
    }

    private static void holds(Promise promise) {
        qt().withExamples(EXAMPLES).forAll(scenarios())
                .checkAssert(scenario -> assertEquals(List.of(), Interleaving.check(scenario).violations().get(promise),
                        promise + " was broken"));
    }

    /**
     * The properties mean something only if the generated interleavings reach the situations the rules are about.
     * Checked on a fixed seed, so that it measures the generator rather than luck.
     */
    @Test
    public void the_generated_interleavings_reach_every_situation_the_rules_are_about() {
        Map<String, Integer> reached = new HashMap<>();
        qt().withFixedSeed(20_250_301L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(scenario -> Interleaving.check(scenario).reached()
                .forEach(situation -> reached.merge(situation, 1, Integer::sum)));

        List<String> expected = List.of("order OPEN", "order AUTHORIZED", "order PAID", "order CLOSED",
                "attempt INITIATED", "attempt PENDING", "attempt UNKNOWN", "attempt AUTHORIZED", "attempt CAPTURED",
                "attempt FAILED", "attempt CANCELLED", "attempt REFUNDED",
                "capture REQUESTED", "capture PROCESSING", "capture SUCCEEDED", "capture FAILED",
                "duplicate CANCEL_REQUESTED", "duplicate CANCELLED", "duplicate REFUND_REQUESTED", "duplicate REFUNDED",
                "duplicate REFUND_FAILED", "capture request accepted", "capture request CAPTURE_WINDOW_EXPIRED",
                "capture request CAPTURE_AMOUNT_MISMATCH", "order REFUNDED", "refund REQUESTED", "refund PROCESSING",
                "refund SUCCEEDED", "refund FAILED", "several refunds", "refund request accepted",
                "refund request REFUND_EXCEEDS_CAPTURED", "refund request NOT_CAPTURED", "review FAILURE_AFTER_SUCCESS", "review SUCCESS_AFTER_FAILURE",
                "review AMOUNT_MISMATCH", "review CAPTURE_AFTER_CANCELLED", "review CANCELLED_AFTER_CAPTURE");
        List<String> rare = expected.stream().filter(situation -> reached.getOrDefault(situation, 0) < 5).toList();
        assertEquals(List.of(), rare, "situations reached in fewer than 5 of " + EXAMPLES + " scenarios; all: " + reached);
    }

    @Test
    public void at_most_one_attempt_of_an_order_ever_counts_as_the_success() {
        holds(Promise.ONE_SUCCESS);
    }

    @Test
    public void terminal_states_never_regress() {
        holds(Promise.NO_REGRESSION);
    }

    @Test
    public void applying_any_fact_twice_equals_applying_it_once() {
        holds(Promise.IDEMPOTENT);
    }

    @Test
    public void no_capture_is_requested_outside_the_window_or_for_another_amount() {
        holds(Promise.CAPTURE_RULES);
    }

    @Test
    public void refunds_never_add_up_to_more_than_was_captured_and_a_full_refund_makes_the_payment_refunded() {
        holds(Promise.REFUND_RULES);
    }

    @Test
    public void every_transition_has_an_audit_entry() {
        holds(Promise.AUDITED);
    }

    @Test
    public void no_capture_or_refund_is_left_awaiting_an_answer_nobody_asks_for() {
        holds(Promise.NOTHING_AWAITED_FOR_GOOD);
    }

    @Test
    public void the_order_needs_exactly_the_work_its_attempts_states_call_for_and_none_once_they_are_terminal() {
        holds(Promise.WORK_FOLLOWS_STATE);
    }

    /** The work property means something only if the interleavings reach every kind of work (fixed seed, as above). */
    @Test
    public void the_generated_interleavings_reach_every_kind_of_work() {
        Map<String, Integer> reached = new HashMap<>();
        qt().withFixedSeed(20_250_301L).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(scenario -> Interleaving.check(scenario).reached()
                .forEach(situation -> reached.merge(situation, 1, Integer::sum)));

        List<String> rare = Arrays.stream(WorkKind.values()).map(kind -> "work " + kind)
                .filter(situation -> reached.getOrDefault(situation, 0) < 5).toList();
        assertEquals(List.of(), rare, "kinds of work reached in fewer than 5 of " + EXAMPLES + " scenarios; all: " + reached);
    }
}
