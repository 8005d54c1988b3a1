package org.payengine.domain.id;

import org.payengine.domain.Text;

/** The id of one refund; Antom's idempotency key for refund, generated once and reused on every retry. */
public record RefundRequestId(String value) {

    public RefundRequestId {
        value = Text.required("RefundRequestId", value, Ids.MAX_LENGTH);
    }

    public static RefundRequestId of(String value) {
        return new RefundRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
