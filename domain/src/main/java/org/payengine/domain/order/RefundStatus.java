package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The names of a refund's states, as stored and shown, and the table of moves between them: {@code REQUESTED}
 * (written before the call) → {@code PROCESSING} → {@code SUCCEEDED} | {@code FAILED}. The states themselves are the
 * types of {@link Refund}; the order checks every change against this table.
 */
public enum RefundStatus {
    REQUESTED,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    static {
        REQUESTED.next = EnumSet.of(PROCESSING, SUCCEEDED, FAILED);
        PROCESSING.next = EnumSet.of(SUCCEEDED, FAILED);
        SUCCEEDED.next = EnumSet.noneOf(RefundStatus.class);
        FAILED.next = EnumSet.noneOf(RefundStatus.class);
    }

    private Set<RefundStatus> next;

    public boolean canMoveTo(RefundStatus target) {
        return next.contains(target);
    }

    /** REQUESTED or PROCESSING: Antom's answer is awaited. */
    public boolean isUnresolved() {
        return this == REQUESTED || this == PROCESSING;
    }
}
