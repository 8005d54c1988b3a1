package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a capture: {@code REQUESTED} (written before the call) → {@code PROCESSING} → {@code
 * SUCCEEDED} | {@code FAILED}. A failed capture may be requested again inside the capture window, with
 * the same capture request id.
 */
public enum CaptureStatus {
    REQUESTED,
    PROCESSING,
    SUCCEEDED,
    FAILED;

    static {
        REQUESTED.next = EnumSet.of(PROCESSING, SUCCEEDED, FAILED);
        PROCESSING.next = EnumSet.of(SUCCEEDED, FAILED);
        FAILED.next = EnumSet.of(REQUESTED, SUCCEEDED);
        SUCCEEDED.next = EnumSet.noneOf(CaptureStatus.class);
    }

    private Set<CaptureStatus> next;

    public boolean canMoveTo(CaptureStatus target) {
        return next.contains(target);
    }

    /** REQUESTED or PROCESSING: Antom's answer is awaited. */
    public boolean isUnresolved() {
        return this == REQUESTED || this == PROCESSING;
    }
}
