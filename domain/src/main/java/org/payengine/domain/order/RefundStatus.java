package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/** The state of a refund: {@code REQUESTED} (written before the call) → {@code PROCESSING} → {@code SUCCEEDED} | {@code FAILED}. */
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
