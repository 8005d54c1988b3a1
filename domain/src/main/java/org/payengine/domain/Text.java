package org.payengine.domain;

/**
 * Checks for free text that the domain keeps and later sends to Antom: length limits are Antom's,
 * control characters are refused because they corrupt logs, headers and reports, and text that is not well-formed
 * Unicode (a lone UTF-16 surrogate, which no encoding can carry) is refused because each store, log and JSON writer
 * would turn it into something else — {@code sur-\udc00} and {@code sur-?} would become one order. Text the merchant
 * or the buyer writes is checked by {@link MerchantText}, which also keeps card numbers out.
 */
public final class Text {

    private Text() {
    }

    /**
     * A value that must be present: non-blank, at most {@code maxLength} characters, no control character, well-formed
     * Unicode.
     */
    public static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return checked(field, value, maxLength);
    }

    /** A value that may be absent ({@code null}); when present it follows the rules of {@link #required}. */
    public static String optional(String field, String value, int maxLength) {
        return value == null ? null : required(field, value, maxLength);
    }

    /**
     * Text received from Antom that must never cause a fact to be refused (a result message, a reason):
     * control characters become blanks, a lone surrogate becomes U+FFFD (the replacement character) and an over-long
     * text is cut to {@code maxLength}, never between the two halves of a surrogate pair. {@code null} stays
     * {@code null}.
     */
    public static String tidied(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder tidy = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && tidy.length() < maxLength; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                tidy.append(' ');
            } else if (loneSurrogateAt(value, i)) {
                tidy.append('\uFFFD');
            } else if (Character.isHighSurrogate(c)) {
                if (tidy.length() + 2 > maxLength) {
                    break;
                }
                tidy.append(c).append(value.charAt(++i));
            } else {
                tidy.append(c);
            }
        }
        return tidy.toString();
    }

    /**
     * {@code value} when it is well-formed UTF-16 (every surrogate in a pair); {@code null} stays {@code null}.
     *
     * @throws InvalidValueException naming the field and where the lone surrogate is
     */
    public static String wellFormed(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (loneSurrogateAt(value, i)) {
                throw new InvalidValueException(field, String.format("must be well-formed Unicode: a lone surrogate"
                        + " U+%04X at index %d is no character", (int) value.charAt(i), i));
            }
            if (Character.isHighSurrogate(value.charAt(i))) {
                i++;
            }
        }
        return value;
    }

    /** Whether the char at {@code i} is half a surrogate pair without its other half. */
    private static boolean loneSurrogateAt(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        // a low surrogate reached here has no high one before it: a pair's low half is stepped over
        return Character.isLowSurrogate(c);
    }

    private static String checked(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidValueException(field,
                    "must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidValueException(field, "must not contain control characters (found one at index " + i + ")");
            }
        }
        return wellFormed(field, value);
    }
}
