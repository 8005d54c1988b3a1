package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The names of an attempt's states, as stored and shown, and the table of moves between them: the one place that
 * says which state may follow which. The states themselves, with their facts and transitions, are the types of
 * {@link AttemptState}; the {@link Order} checks every change of state against this table, so a transition that
 * would let a terminal state regress fails loudly instead of being saved.
 */
public enum AttemptStatus {
    /** Written before Antom is called, so a crash between the call and the answer loses nothing. */
    INITIATED,
    /** Antom created the payment and waits for the buyer on the hosted page. */
    PENDING,
    /** The pay call ended without an answer; an inquiry will settle it. Never a failure. */
    UNKNOWN,
    /** The funds are authorized; the capture is outstanding. */
    AUTHORIZED,
    /** The funds are captured; final for the buyer's payment. */
    CAPTURED,
    /** Antom definitely failed the payment. Terminal. */
    FAILED,
    /** Cancelled at Antom (before success, or an authorization voided). Terminal. */
    CANCELLED,
    /** The captured funds were refunded in full (by the merchant, or to undo a duplicate). Terminal. */
    REFUNDED;

    static {
        INITIATED.next = EnumSet.of(PENDING, UNKNOWN, AUTHORIZED, CAPTURED, FAILED, CANCELLED);
        UNKNOWN.next = EnumSet.of(PENDING, AUTHORIZED, CAPTURED, FAILED, CANCELLED);
        PENDING.next = EnumSet.of(AUTHORIZED, CAPTURED, FAILED, CANCELLED);
        AUTHORIZED.next = EnumSet.of(CAPTURED, CANCELLED);
        CAPTURED.next = EnumSet.of(CANCELLED, REFUNDED);
        FAILED.next = EnumSet.noneOf(AttemptStatus.class);
        CANCELLED.next = EnumSet.noneOf(AttemptStatus.class);
        REFUNDED.next = EnumSet.noneOf(AttemptStatus.class);
    }

    private Set<AttemptStatus> next;

    public boolean canMoveTo(AttemptStatus target) {
        return next.contains(target);
    }

    /** FAILED, CANCELLED and REFUNDED: nothing ever changes them again. */
    public boolean isTerminal() {
        return next.isEmpty();
    }

    /** INITIATED, PENDING and UNKNOWN: Antom's result is still awaited. */
    public boolean isAwaitingResult() {
        return this == INITIATED || this == PENDING || this == UNKNOWN;
    }

    /** AUTHORIZED or CAPTURED: the buyer's funds are held or taken. */
    public boolean holdsFunds() {
        return this == AUTHORIZED || this == CAPTURED;
    }
}
