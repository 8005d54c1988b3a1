package org.payengine.domain;

/**
 * Checks for free text that the domain keeps and later sends to Antom: length limits are Antom's,
 * control characters are refused because they corrupt logs, headers and reports.
 */
public final class Text {

    private Text() {
    }

    /** A value that must be present: non-blank, at most {@code maxLength} characters, no control character. */
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
     * control characters become blanks and an over-long text is cut to {@code maxLength}. {@code null} stays {@code null}.
     */
    public static String tidied(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder tidy = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && tidy.length() < maxLength; i++) {
            char c = value.charAt(i);
            tidy.append(Character.isISOControl(c) ? ' ' : c);
        }
        return tidy.toString();
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
        return value;
    }
}
