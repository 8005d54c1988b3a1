package org.payengine.domain.id;

import org.payengine.domain.Text;

/** The id of one capture; Antom's idempotency key for capture, generated once and reused on every retry. */
public record CaptureRequestId(String value) {

    public CaptureRequestId {
        value = Text.required("CaptureRequestId", value, Ids.MAX_LENGTH);
    }

    public static CaptureRequestId of(String value) {
        return new CaptureRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
