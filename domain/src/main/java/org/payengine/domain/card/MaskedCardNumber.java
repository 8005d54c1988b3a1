package org.payengine.domain.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{13,}");

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

    /**
     * True for text that is, or contains, a card number: a run of 13 to 19 digits (blanks and dashes between
     * them allowed when they make up the whole text) that passes the Luhn check every card number passes. Used to
     * keep card numbers out of fields that should never hold one.
     */
    public static boolean looksLikeFullCardNumber(String text) {
        if (text == null) {
            return false;
        }
        String compact = text.replace(" ", "").replace("-", "");
        if (compact.matches("[0-9]{13,19}") && passesLuhn(compact)) {
            return true;
        }
        Matcher digitRuns = DIGIT_RUN.matcher(text);
        while (digitRuns.find()) {
            if (digitRuns.group().length() <= 19 && passesLuhn(digitRuns.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
