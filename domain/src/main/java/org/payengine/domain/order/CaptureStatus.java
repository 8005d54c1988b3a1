package org.payengine.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The names of a capture's states, as stored and shown, and the table of moves between them: {@code REQUESTED}
 * (written before the call) → {@code PROCESSING} → {@code SUCCEEDED} | {@code FAILED}; a failed capture may be
 * requested again inside the capture window, with the same capture request id. The states themselves are the types
 * of {@link Capture}; the order checks every change against this table.
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
