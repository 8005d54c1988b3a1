package org.payengine.domain.order;

/** The pay call ended without an answer; an inquiry will settle it. Never taken for a failure. */
public record OutcomeUnknown() implements AwaitingResult {

    @Override
    public AttemptStatus status() {
        return AttemptStatus.UNKNOWN;
    }
}
