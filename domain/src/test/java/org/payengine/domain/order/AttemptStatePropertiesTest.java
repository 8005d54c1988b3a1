package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.order.Interleaving.Promise;
import org.payengine.domain.order.Interleaving.Scenario;
import org.payengine.domain.order.Interleaving.Step;
import org.quicktheories.core.Gen;

/**
 * The invariants of each state type of an attempt, a capture and a refund ({@link StateInvariants}), over the states
 * generated interleavings of facts, captures and refunds actually reach: one property per type, so a broken one
 * names its type.
 */
class AttemptStatePropertiesTest {

    private static final int EXAMPLES = 400;

    private static Gen<Scenario> scenarios() {
        Gen<Step> steps = integers().between(0, Step.KINDS - 1).zip(integers().between(0, 4), integers().between(0, 2),
                integers().between(0, 9), integers().between(0, 100_000), Step::new);
        return integers().between(1, 3).zip(integers().between(0, 31), lists().of(steps).ofSizeBetween(1, 80),
                Scenario::new);
    }

    private static void holdsFor(Class<?> type) {
        String prefix = (type.getEnclosingClass() == null ? "" : type.getEnclosingClass().getSimpleName() + ".")
                + type.getSimpleName() + ": ";
        qt().withExamples(EXAMPLES).forAll(scenarios()).checkAssert(scenario -> assertEquals(List.of(),
                Interleaving.check(scenario).violations().get(Promise.STATE_INVARIANTS).stream()
                        .filter(violation -> violation.contains(prefix)).toList(),
                prefix + "invariants were broken"));
    }

    @Test
    public void an_initiated_attempt_holds_nothing_antom_said() {
        holdsFor(Initiated.class);
    }

    @Test
    public void a_pending_attempt_holds_at_most_its_payment_id() {
        holdsFor(Pending.class);
    }

    @Test
    public void an_attempt_of_unknown_outcome_holds_nothing_antom_said() {
        holdsFor(OutcomeUnknown.class);
    }

    @Test
    public void an_authorized_attempt_has_its_authorization_and_no_succeeded_capture() {
        holdsFor(Authorized.class);
    }

    @Test
    public void a_captured_attempt_has_its_capture_and_refunds_within_it() {
        holdsFor(Captured.class);
    }

    @Test
    public void a_refunded_attempt_has_succeeded_refunds_of_all_it_captured() {
        holdsFor(Refunded.class);
    }

    @Test
    public void a_failed_attempt_has_antoms_reason_and_nothing_of_a_success() {
        holdsFor(Failed.class);
    }

    @Test
    public void a_cancelled_attempt_awaits_no_capture() {
        holdsFor(Cancelled.class);
    }

    @Test
    public void a_requested_capture_has_its_request_id() {
        holdsFor(Capture.Requested.class);
    }

    @Test
    public void a_processing_capture_carries_no_failure() {
        holdsFor(Capture.Processing.class);
    }

    @Test
    public void a_succeeded_capture_has_antoms_id_and_time() {
        holdsFor(Capture.Succeeded.class);
    }

    @Test
    public void a_failed_capture_has_antoms_reason() {
        holdsFor(Capture.Failed.class);
    }

    @Test
    public void a_requested_refund_has_no_refund_id_yet() {
        holdsFor(Refund.Requested.class);
    }

    @Test
    public void a_processing_refund_carries_no_failure() {
        holdsFor(Refund.Processing.class);
    }

    @Test
    public void a_succeeded_refund_has_antoms_id_and_time() {
        holdsFor(Refund.Succeeded.class);
    }

    @Test
    public void a_failed_refund_has_antoms_reason() {
        holdsFor(Refund.Failed.class);
    }
}
