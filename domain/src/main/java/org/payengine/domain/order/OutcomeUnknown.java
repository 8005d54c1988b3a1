package org.payengine.domain.order;

import org.payengine.domain.fact.PaymentInProcess;

/** The pay call ended without an answer; an inquiry will settle it. Never taken for a failure. */
public record OutcomeUnknown() implements AwaitingResult {

    @Override
    public AttemptStatus status() {
        return AttemptStatus.UNKNOWN;
    }

    @Override
    public Move inProcess(PaymentInProcess fact) {
        return Move.to(new Pending(fact.paymentId()));
    }
}
