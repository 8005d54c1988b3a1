package org.payengine.domain.id;

import org.payengine.domain.Text;

/** Antom's id of a payment, returned by pay, notifications and inquiries. */
public record PaymentId(String value) {

    public PaymentId {
        value = Text.required("PaymentId", value, Ids.MAX_LENGTH);
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
