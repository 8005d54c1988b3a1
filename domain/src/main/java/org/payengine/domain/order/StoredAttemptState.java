package org.payengine.domain.order;

import java.util.List;
import org.payengine.domain.id.PaymentId;

/**
 * Rebuilds an attempt's state from the parts a store keeps side by side in columns: the one place that knows which
 * parts each state has. A part the state cannot have is refused rather than dropped, so that nothing a store holds is
 * lost by reading it.
 */
final class StoredAttemptState {

    private StoredAttemptState() {
    }

    static AttemptState of(AttemptStatus status, PaymentId paymentId, Failure failure, Authorization authorization,
                           Capture capture, List<Refund> refunds) {
        List<Refund> givenRefunds = refunds == null ? List.of() : refunds;
        if (status != AttemptStatus.FAILED) {
            absent(failure, "a failure");
        }
        if (status != AttemptStatus.CAPTURED && status != AttemptStatus.REFUNDED && !givenRefunds.isEmpty()) {
            throw new IllegalArgumentException("cannot have refunds before its capture succeeded");
        }
        return switch (status) {
            case INITIATED -> none(paymentId, authorization, capture, new Initiated());
            case UNKNOWN -> none(paymentId, authorization, capture, new OutcomeUnknown());
            case PENDING -> none(null, authorization, capture, new Pending(paymentId));
            case AUTHORIZED -> new Authorized(paymentId, authorization,
                    typed(capture, Capture.Open.class, "a capture that succeeded"));
            case CAPTURED -> new Captured(paymentId, authorization,
                    typed(capture, Capture.Succeeded.class, "a capture that did not succeed"), givenRefunds);
            case REFUNDED -> new Refunded(paymentId, authorization,
                    typed(capture, Capture.Succeeded.class, "a capture that did not succeed"), givenRefunds);
            case FAILED -> none(null, authorization, capture, new Failed(paymentId, failure));
            case CANCELLED -> new Cancelled(paymentId, authorization,
                    typed(capture, Capture.Settled.class, "a capture awaiting Antom's answer"));
        };
    }

    /** The state, for a status that has no payment id (unless given as null), authorization or capture. */
    private static AttemptState none(PaymentId paymentId, Authorization authorization, Capture capture,
                                     AttemptState state) {
        absent(paymentId, "Antom's payment id");
        absent(authorization, "an authorization");
        absent(capture, "a capture");
        return state;
    }

    /** The capture as the type the state holds; {@code null} stays {@code null}. */
    private static <C extends Capture> C typed(Capture capture, Class<C> type, String otherwise) {
        if (capture != null && !type.isInstance(capture)) {
            throw new IllegalArgumentException("cannot have " + otherwise + " (" + capture.status() + ")");
        }
        return type.cast(capture);
    }

    private static void absent(Object part, String what) {
        if (part != null) {
            throw new IllegalArgumentException("cannot have " + what);
        }
    }
}
