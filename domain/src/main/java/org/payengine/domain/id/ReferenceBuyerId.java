package org.payengine.domain.id;

import org.payengine.domain.MerchantText;

/** The merchant's id of the buyer; Antom's {@code buyer.referenceBuyerId}. */
public record ReferenceBuyerId(String value) {

    public ReferenceBuyerId {
        value = MerchantText.required("ReferenceBuyerId", value, Ids.MAX_LENGTH);
    }

    public static ReferenceBuyerId of(String value) {
        return new ReferenceBuyerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
