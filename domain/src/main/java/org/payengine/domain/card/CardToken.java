package org.payengine.domain.card;

import org.payengine.domain.Text;

/**
 * Antom's token for a card the buyer saved ({@code cardToken}); sent back as
 * {@code paymentMethod.paymentMethodId} to pay with the stored card. It is not a card number.
 */
public record CardToken(String value) {

    /** Antom's limit for {@code paymentMethodId}. */
    public static final int MAX_LENGTH = 128;

    public CardToken {
        value = Text.required("CardToken", value, MAX_LENGTH);
        if (MaskedCardNumber.looksLikeFullCardNumber(value)) {
            throw new org.payengine.domain.InvalidValueException("CardToken",
                    "looks like a card number; PayEngine never accepts card numbers");
        }
    }

    public static CardToken of(String value) {
        return new CardToken(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
