package org.payengine.domain.id;

import org.payengine.domain.Text;

/** Antom's id of a refund. */
public record RefundId(String value) {

    public RefundId {
        value = Text.required("RefundId", value, Ids.MAX_LENGTH);
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
