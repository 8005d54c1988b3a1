package org.payengine.domain.order;

import java.util.ArrayList;
import java.util.List;
import org.payengine.domain.money.Money;

/**
 * The invariants of each attempt state type, checked on states the order actually reached (not on states built by
 * hand): what each type holds, what it never holds, and that a store's columns give back exactly the same attempt.
 * Each broken invariant is named after its type, so a property test per type can report its own.
 */
final class StateInvariants {

    private StateInvariants() {
    }

    /** The invariants this attempt's state breaks, each as "Type: what"; empty when all hold. */
    static List<String> broken(PaymentAttempt attempt) {
        List<String> broken = new ArrayList<>();
        AttemptState state = attempt.state();
        String type = state.getClass().getSimpleName();
        Check check = (holds, what) -> {
            if (!holds) {
                broken.add(type + ": " + what + " (" + attempt + ")");
            }
        };
        check.that(state.status().name().equals(statusOf(state)), "names its own status");
        check.that(storedAndRead(attempt).equals(attempt), "is read back from a store's columns unchanged");
        check.that(state.status().isTerminal() == (state instanceof Failed || state instanceof Cancelled
                || state instanceof Refunded), "is terminal exactly when its type is");
        if (state instanceof AwaitingResult) {
            check.that(state.authorization() == null && state.capture() == null && state.refunds().isEmpty()
                    && state.failure() == null, "holds no authorization, capture, refund or failure");
            check.that(!(state instanceof Initiated || state instanceof OutcomeUnknown) || state.paymentId() == null,
                    "knows no payment id before Antom answered");
        }
        if (state instanceof Authorized authorized) {
            check.that(authorized.paymentId() != null && authorized.authorization() != null,
                    "has Antom's payment id and the authorization");
            check.that(authorized.capture() == null || !authorized.capture().isSucceeded(),
                    "never holds a succeeded capture");
            check.that(authorized.refunds().isEmpty(), "has no refunds");
        }
        if (state instanceof Captured captured) {
            check.that(captured.capture().isSucceeded(), "holds a succeeded capture");
            check.that(sum(captured.refunds(), false, captured.capture()).compareTo(captured.capture().amount()) <= 0,
                    "has refunds not failed within the captured amount");
            check.that(sum(captured.refunds(), true, captured.capture()).compareTo(captured.capture().amount()) < 0,
                    "has succeeded refunds short of the captured amount");
        }
        if (state instanceof Refunded refunded) {
            check.that(sum(refunded.refunds(), true, refunded.capture()).equals(refunded.capture().amount()),
                    "has succeeded refunds of exactly the captured amount");
            check.that(refunded.refunds().stream().noneMatch(refund -> refund.status().isUnresolved()),
                    "has no refund awaiting Antom");
        }
        if (state instanceof Failed failed) {
            check.that(failed.failure() != null && failed.authorization() == null && failed.capture() == null,
                    "holds Antom's reason and nothing of a success");
        }
        if (state instanceof Cancelled cancelled) {
            check.that(cancelled.capture() == null || !cancelled.capture().status().isUnresolved(),
                    "never holds a capture awaiting Antom");
            check.that(cancelled.refunds().isEmpty(), "has no refunds");
            check.that(!attempt.duplicate() || cancelled.authorization() != null, "a cancelled duplicate was authorized");
        }
        Capture capture = attempt.capture();
        if (capture != null) {
            broken.addAll(brokenBy(capture));
        }
        attempt.refunds().forEach(refund -> broken.addAll(brokenBy(refund)));
        return broken;
    }

    /** The invariants this capture's state breaks, each as "Capture.Type: what". */
    static List<String> brokenBy(Capture capture) {
        List<String> broken = new ArrayList<>();
        String type = "Capture." + capture.getClass().getSimpleName();
        Check check = (holds, what) -> {
            if (!holds) {
                broken.add(type + ": " + what + " (" + capture + ")");
            }
        };
        check.that(capture.status().name().equals(type.substring("Capture.".length()).toUpperCase()),
                "names its own status");
        check.that(Capture.restore(capture.requestId(), capture.captureId(), capture.amount(), capture.status(),
                capture.requestedAt(), capture.capturedAt(), capture.failure()).equals(capture),
                "is read back from a store's columns unchanged");
        check.that((capture.capturedAt() != null) == capture instanceof Capture.Succeeded,
                "has a capture time exactly when succeeded");
        check.that(!(capture instanceof Capture.Succeeded) || capture.captureId() != null, "a success has Antom's capture id");
        check.that(!(capture instanceof Capture.Failed) || capture.failure() != null, "a failure has Antom's reason");
        check.that(!(capture instanceof Capture.Processing || capture instanceof Capture.Succeeded)
                || capture.failure() == null, "a capture processing or succeeded carries no failure");
        check.that(!(capture instanceof Capture.Requested) || capture.requestId() != null,
                "a requested capture has its capture request id");
        return broken;
    }

    /** The invariants this refund's state breaks, each as "Refund.Type: what". */
    static List<String> brokenBy(Refund refund) {
        List<String> broken = new ArrayList<>();
        String type = "Refund." + refund.getClass().getSimpleName();
        Check check = (holds, what) -> {
            if (!holds) {
                broken.add(type + ": " + what + " (" + refund + ")");
            }
        };
        check.that(refund.status().name().equals(type.substring("Refund.".length()).toUpperCase()),
                "names its own status");
        check.that(Refund.restore(refund.requestId(), refund.refundId(), refund.amount(), refund.status(),
                refund.reason(), refund.requestedAt(), refund.refundedAt(), refund.failure()).equals(refund),
                "is read back from a store's columns unchanged");
        check.that(refund.amount().isPositive(), "refunds a positive amount");
        check.that(!(refund instanceof Refund.Requested) || refund.refundId() == null,
                "a requested refund has no refund id of Antom's yet");
        check.that(!(refund instanceof Refund.Succeeded) || refund.refundId() != null && refund.refundedAt() != null,
                "a success has Antom's refund id and time");
        check.that((refund.failure() != null) == refund instanceof Refund.Failed, "has a failure exactly when failed");
        return broken;
    }

    private interface Check {
        void that(boolean holds, String what);
    }

    private static String statusOf(AttemptState state) {
        return state instanceof Initiated ? "INITIATED" : state instanceof Pending ? "PENDING"
                : state instanceof OutcomeUnknown ? "UNKNOWN" : state instanceof Authorized ? "AUTHORIZED"
                : state instanceof Captured ? "CAPTURED" : state instanceof Refunded ? "REFUNDED"
                : state instanceof Failed ? "FAILED" : "CANCELLED";
    }

    /** What a store does: the attempt's parts side by side, then the attempt rebuilt from them. */
    private static PaymentAttempt storedAndRead(PaymentAttempt attempt) {
        return PaymentAttempt.restore(attempt.id(), attempt.orderId(), attempt.amount(), attempt.options(),
                attempt.status(), attempt.initiatedAt(), attempt.expiresAt(), attempt.paymentId(),
                attempt.redirectUrl(), attempt.failure(), attempt.authorization(), attempt.card(), attempt.capture(),
                attempt.duplicate(), attempt.refunds(), attempt.reviews());
    }

    private static Money sum(List<Refund> refunds, boolean succeededOnly, Capture capture) {
        Money total = Money.zero(capture.amount().currency());
        for (Refund refund : refunds) {
            if (succeededOnly ? refund.status() == RefundStatus.SUCCEEDED : refund.status() != RefundStatus.FAILED) {
                total = total.plus(refund.amount());
            }
        }
        return total;
    }
}
