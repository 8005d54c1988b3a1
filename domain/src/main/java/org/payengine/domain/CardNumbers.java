package org.payengine.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds card numbers in text, so that none is ever kept, logged or sent on. A card number (ISO/IEC 7812) is 13 to 19
 * digits whose last one is the Luhn check digit, written the ways people write one:
 * <ul>
 *   <li>in one piece: {@code 4054695723100768};</li>
 *   <li>grouped like on the card, by blanks or by dashes: four digits a group with a shorter last one
 *       ({@code 4054 6957 2310 0768}, {@code 4054-6957-2310-0768}), or 4-6-5 and 4-6-4 (American Express, Diners).</li>
 * </ul>
 * It stands apart from letters and other digits ({@code order-4054695723100768}, {@code pan=4054…}, a number followed
 * by its security code {@code 4054 6957 2310 0768 123}); digits of every script count.
 *
 * <p>It errs on the side of refusing: a numeric id of card length that happens to pass the Luhn check (one in ten
 * does) cannot be told apart from a card number, and is found too. What is not found, by design, because it is
 * something else far more often: digits glued to letters (hex and UUID ids such as {@code 439c6926-3991-4054-8821-…}),
 * runs of more than 19 digits, 12 digits or fewer, groups in no card's layout (dates, {@code 2025-03-01 2025-03-05}),
 * and international phone numbers, which begin with {@code +}.
 */
public final class CardNumbers {

    /** The fewest digits counted as a card number: ISO/IEC 7812 allows 12 (rare Maestro cards), 13 is Visa's least. */
    public static final int MIN_DIGITS = 13;
    /** The most digits of a card number (ISO/IEC 7812). */
    public static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /** Where a card number was found: {@code text.substring(start, end)}, holding {@code digits} digits. */
    public record Found(int start, int end, int digits) {
    }

    /** Whether the text holds something that could be a card number; {@code null} holds none. */
    public static boolean foundIn(CharSequence text) {
        return find(text, 0).isPresent();
    }

    /** The first card number at or after {@code from}, if any. */
    public static Optional<Found> find(CharSequence text, int from) {
        if (text == null) {
            return Optional.empty();
        }
        int i = from;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            if (!Character.isDigit(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            List<Group> groups = new ArrayList<>();
            int end = readRun(text, i, groups);
            if (!isPhoneNumber(text, i)) {
                Optional<Found> found = cardNumberIn(text, groups);
                if (found.isPresent()) {
                    return found;
                }
            }
            i = end;
        }
        return Optional.empty();
    }

    /**
     * The text with the digits of every card number in it replaced by {@code *}: for what is logged or quoted back
     * about a request that carried one.
     */
    public static String redacted(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        int copied = 0;
        for (Optional<Found> found = find(text, 0); found.isPresent(); found = find(text, found.get().end())) {
            Found card = found.get();
            redacted.append(text, copied, card.start());
            text.substring(card.start(), card.end()).codePoints()
                    .forEach(c -> redacted.appendCodePoint(Character.isDigit(c) ? '*' : c));
            copied = card.end();
        }
        return copied == 0 ? text : redacted.append(text, copied, text.length()).toString();
    }

    /** A run of digits without a separator inside: {@code text.substring(start, end)}. */
    private record Group(int start, int end, int digits) {
    }

    /**
     * Reads the groups of the run starting at {@code start} and returns where the run ends. Groups are joined by one
     * blank or one dash, the same separator throughout the run.
     */
    private static int readRun(CharSequence text, int start, List<Group> groups) {
        char separator = 0;
        int i = start;
        while (true) {
            int groupStart = i;
            int digits = 0;
            while (i < text.length() && Character.isDigit(Character.codePointAt(text, i))) {
                i += Character.charCount(Character.codePointAt(text, i));
                digits++;
            }
            groups.add(new Group(groupStart, i, digits));
            if (i + 1 < text.length()) {
                char next = text.charAt(i);
                boolean joins = (next == ' ' || next == '-') && (separator == 0 || separator == next)
                        && Character.isDigit(Character.codePointAt(text, i + 1));
                if (joins) {
                    separator = next;
                    i++;
                    continue;
                }
            }
            return i;
        }
    }

    /** The first sequence of whole groups that stands apart, is laid out like a card number and passes the Luhn check. */
    private static Optional<Found> cardNumberIn(CharSequence text, List<Group> groups) {
        for (int first = 0; first < groups.size(); first++) {
            if (!standsApartBefore(text, groups.get(first).start())) {
                continue;
            }
            int digits = 0;
            for (int last = first; last < groups.size(); last++) {
                digits += groups.get(last).digits();
                if (digits > MAX_DIGITS) {
                    break;
                }
                List<Group> candidate = groups.subList(first, last + 1);
                if (digits >= MIN_DIGITS && laidOutLikeACard(candidate)
                        && standsApartAfter(text, groups.get(last).end())
                        && passesLuhn(text, groups.get(first).start(), groups.get(last).end())) {
                    return Optional.of(new Found(groups.get(first).start(), groups.get(last).end(), digits));
                }
            }
        }
        return Optional.empty();
    }

    /** One piece; four digits a group with a last one of one to four; or American Express's and Diners' 4-6-5, 4-6-4. */
    private static boolean laidOutLikeACard(List<Group> groups) {
        if (groups.size() == 1) {
            return true;
        }
        if (groups.size() == 3 && groups.get(0).digits() == 4 && groups.get(1).digits() == 6
                && (groups.get(2).digits() == 5 || groups.get(2).digits() == 4)) {
            return true;
        }
        if (groups.size() < 4) {
            return false;
        }
        for (int i = 0; i < groups.size() - 1; i++) {
            if (groups.get(i).digits() != 4) {
                return false;
            }
        }
        return groups.get(groups.size() - 1).digits() <= 4;
    }

    private static boolean standsApartBefore(CharSequence text, int start) {
        return start == 0 || !Character.isLetterOrDigit(Character.codePointBefore(text, start));
    }

    private static boolean standsApartAfter(CharSequence text, int end) {
        return end == text.length() || !Character.isLetterOrDigit(Character.codePointAt(text, end));
    }

    /** {@code +} at the start of the text or after a blank or an opening parenthesis: an international phone number. */
    private static boolean isPhoneNumber(CharSequence text, int runStart) {
        if (runStart == 0 || text.charAt(runStart - 1) != '+') {
            return false;
        }
        int plus = runStart - 1;
        return plus == 0 || Character.isWhitespace(text.charAt(plus - 1)) || text.charAt(plus - 1) == '(';
    }

    /** The Luhn check over the digits between {@code start} and {@code end}, separators skipped. */
    private static boolean passesLuhn(CharSequence text, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        int i = end;
        while (i > start) {
            int codePoint = Character.codePointBefore(text, i);
            i -= Character.charCount(codePoint);
            if (!Character.isDigit(codePoint)) {
                continue;
            }
            int digit = Character.digit(codePoint, 10);
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
