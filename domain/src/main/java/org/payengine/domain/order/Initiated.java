package org.payengine.domain.order;

import org.payengine.domain.fact.PaymentInProcess;

/** Written before Antom's pay API is called, so a crash between the call and its answer loses nothing. */
public record Initiated() implements AwaitingResult {

    @Override
    public AttemptStatus status() {
        return AttemptStatus.INITIATED;
    }

    @Override
    public Move inProcess(PaymentInProcess fact) {
        return Move.to(new Pending(fact.paymentId()));
    }

    /** The pay call ended without an answer (a timeout, Antom's {@code U}): an inquiry will settle it. */
    @Override
    public Move outcomeUnknown() {
        return Move.to(new OutcomeUnknown());
    }
}
