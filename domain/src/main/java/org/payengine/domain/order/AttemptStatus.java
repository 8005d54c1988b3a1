package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of one payment attempt, with the only moves the domain ever makes:
 *
 * <pre>
 * INITIATED ──pay answered──▶ PENDING ──SUCCESS──▶ AUTHORIZED ──capture SUCCEEDED──▶ CAPTURED ──refund──▶ REFUNDED
 *     │ timeout / U              │ FAIL, CANCELLED      │ cancelled                    │ cancelled (duplicate)
 *     ▼                          ▼                      ▼                              ▼
 *  UNKNOWN ──inquiry──▶ …     FAILED                CANCELLED                      CANCELLED
 * </pre>
 *
 * A capture result may also arrive before the payment result; it proves the authorization, so
 * INITIATED, PENDING and UNKNOWN may move straight to AUTHORIZED or CAPTURED.
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
