package org.payengine.domain.card;

import org.payengine.domain.CardNumbers;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.Text;

/**
 * A card number as Antom shows it after the buyer paid, e.g. {@code 405469******0768}. PayEngine never
 * holds a full card number (hosted mode keeps it out of PCI-DSS scope), so anything that could be one
 * is refused: more than 12 visible digits, or more than 4 digits with nothing masked.
 */
public record MaskedCardNumber(String value) {

    /** PCI DSS allows at most the first eight and the last four digits to be shown. */
    public static final int MAX_VISIBLE_DIGITS = 12;
    private static final int MAX_UNMASKED_DIGITS = 4;
    private static final String MASK_CHARACTERS = "*xX\u2022#";

    public MaskedCardNumber {
        value = Text.required("MaskedCardNumber", value, 32);
        int digits = 0;
        boolean masked = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (MASK_CHARACTERS.indexOf(c) >= 0) {
                masked = true;
            } else if (c != ' ' && c != '-') {
                throw new InvalidValueException("MaskedCardNumber",
                        "may contain only digits, mask characters (* x •), blanks and dashes");
            }
        }
        if (digits > MAX_VISIBLE_DIGITS) {
            throw new InvalidValueException("MaskedCardNumber",
                    "shows " + digits + " digits; at most " + MAX_VISIBLE_DIGITS
                            + " may be visible, and PayEngine never accepts a full card number");
        }
        if (!masked && digits > MAX_UNMASKED_DIGITS) {
            throw new InvalidValueException("MaskedCardNumber",
                    "has no masked digits; only the last " + MAX_UNMASKED_DIGITS + " digits may stand alone");
        }
    }

    public static MaskedCardNumber of(String value) {
        return new MaskedCardNumber(value);
    }

    /** The last four digits, or fewer when fewer are shown. */
    public String lastDigits() {
        String digitsOnly = value.replaceAll("[^0-9]", "");
        return digitsOnly.length() <= 4 ? digitsOnly : digitsOnly.substring(digitsOnly.length() - 4);
    }

    /** True for text that is, or contains, a card number ({@link CardNumbers#foundIn}). */
    public static boolean looksLikeFullCardNumber(String text) {
        return CardNumbers.foundIn(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
