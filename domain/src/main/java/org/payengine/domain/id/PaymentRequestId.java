package org.payengine.domain.id;

import org.payengine.domain.Text;

/** The id PayEngine gives one payment attempt (one call of Antom's pay API); Antom's idempotency key for pay. */
public record PaymentRequestId(String value) {

    public PaymentRequestId {
        value = Text.required("PaymentRequestId", value, Ids.MAX_LENGTH);
    }

    public static PaymentRequestId of(String value) {
        return new PaymentRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
