package org.payengine.domain.testing;

import java.util.Random;

/** Card numbers for tests: made valid by their Luhn check digit, and written the ways people write them. */
public final class CardNumberFixtures {

    private CardNumberFixtures() {
    }

    /** A number of {@code length} digits, the last one its Luhn check digit, never starting with 0. */
    public static String luhnValid(int length, Random random) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        while (digits.length() < length - 1) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** The digit that makes {@code payload} followed by it pass the Luhn check. */
    public static char checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true; // the check digit itself is not doubled, so the payload's last digit is
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The digits in groups of four, as printed on a card: {@code 4054 6957 2310 0768}. */
    public static String grouped(CharSequence digits, char separator) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(separator);
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
