package org.payengine.domain.id;

import org.payengine.domain.Text;

/** Antom's id of a capture. */
public record CaptureId(String value) {

    public CaptureId {
        value = Text.required("CaptureId", value, Ids.MAX_LENGTH);
    }

    public static CaptureId of(String value) {
        return new CaptureId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
