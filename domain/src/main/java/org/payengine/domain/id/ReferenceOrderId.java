package org.payengine.domain.id;

import org.payengine.domain.MerchantText;

/** The merchant's order id; Antom's {@code order.referenceOrderId}. One order, many payment attempts. */
public record ReferenceOrderId(String value) {

    public ReferenceOrderId {
        value = MerchantText.required("ReferenceOrderId", value, Ids.MAX_LENGTH);
    }

    public static ReferenceOrderId of(String value) {
        return new ReferenceOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
