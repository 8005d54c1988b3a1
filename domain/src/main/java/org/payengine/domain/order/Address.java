package org.payengine.domain.order;

import org.payengine.domain.MerchantText;

/** A postal address as Antom's {@code Address} holds it; used as billing address for AVS. */
public record Address(String region, String state, String city, String address1, String address2, String zipCode) {

    public Address {
        region = MerchantText.required("address.region", region, 2);
        state = MerchantText.optional("address.state", state, 8);
        city = MerchantText.optional("address.city", city, 32);
        address1 = MerchantText.optional("address.address1", address1, 256);
        address2 = MerchantText.optional("address.address2", address2, 256);
        zipCode = MerchantText.optional("address.zipCode", zipCode, 32);
    }
}
