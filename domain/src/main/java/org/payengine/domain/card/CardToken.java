package org.payengine.domain.card;

import org.payengine.domain.MerchantText;

/**
 * Antom's token for a card the buyer saved ({@code cardToken}); sent back as
 * {@code paymentMethod.paymentMethodId} to pay with the stored card. It is not a card number.
 */
public record CardToken(String value) {

    /** Antom's limit for {@code paymentMethodId}. */
    public static final int MAX_LENGTH = 128;

    public CardToken {
        // Antom's token, but handed over by the merchant: a card number put in its place is refused like in any
        // other text the merchant writes
        value = MerchantText.required("CardToken", value, MAX_LENGTH);
    }

    public static CardToken of(String value) {
        return new CardToken(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
