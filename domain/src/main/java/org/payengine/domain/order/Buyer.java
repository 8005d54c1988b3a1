package org.payengine.domain.order;

import org.payengine.domain.MerchantText;
import org.payengine.domain.id.ReferenceBuyerId;

/**
 * The buyer of an order, as far as the merchant tells; every part is optional. Antom asks for e-mail
 * and phone on card payments (risk control), and saved cards belong to the buyer's {@code id}.
 */
public record Buyer(ReferenceBuyerId id, PersonName name, String email, String phone) {

    public static final Buyer ANONYMOUS = new Buyer(null, null, null, null);

    public Buyer {
        email = MerchantText.optional("buyer.email", email, 64);
        phone = MerchantText.optional("buyer.phone", phone, 24);
    }

    public static Buyer withId(String referenceBuyerId) {
        return new Buyer(ReferenceBuyerId.of(referenceBuyerId), null, null, null);
    }
}
