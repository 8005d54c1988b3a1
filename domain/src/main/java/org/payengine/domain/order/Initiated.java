package org.payengine.domain.order;

/** Written before Antom's pay API is called, so a crash between the call and its answer loses nothing. */
public record Initiated() implements AwaitingResult {

    @Override
    public AttemptStatus status() {
        return AttemptStatus.INITIATED;
    }

    /** The pay call ended without an answer (a timeout, Antom's {@code U}): an inquiry will settle it. */
    @Override
    public Move outcomeUnknown() {
        return Move.to(new OutcomeUnknown());
    }
}
