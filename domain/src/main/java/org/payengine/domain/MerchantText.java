package org.payengine.domain;

/**
 * Text the merchant or the buyer writes — the merchant's ids, descriptions, names, addresses, URLs, device data —
 * which the engine keeps, logs, puts into events and sends to Antom: {@link Text}'s rules, and never a card number
 * ({@link CardNumbers}). A card number pasted into a description, or an order id that is one, would otherwise end up
 * in the database, the audit trail, the outbox, the logs and at Antom.
 *
 * <p>What Antom writes (its ids, result messages, card facts, network transaction ids) and amounts are no merchant text
 * and are not screened here: Antom's own long numeric ids would be refused one time in ten.
 */
public final class MerchantText {

    private MerchantText() {
    }

    /**
     * A value that must be present, following {@link Text#required} and holding no card number.
     *
     * @throws CardDataRefusedException when it holds what looks like a card number
     * @throws InvalidValueException    for anything else {@link Text#required} refuses
     */
    public static String required(String field, String value, int maxLength) {
        return withoutCardNumber(field, Text.required(field, value, maxLength));
    }

    /** A value that may be absent ({@code null}); when present it follows {@link #required}. */
    public static String optional(String field, String value, int maxLength) {
        return value == null ? null : required(field, value, maxLength);
    }

    /**
     * {@code value} when it holds no card number; {@code null} stays {@code null}.
     *
     * @throws CardDataRefusedException naming the field, never the value
     */
    public static String withoutCardNumber(String field, String value) {
        CardNumbers.find(value, 0).ifPresent(found -> {
            throw new CardDataRefusedException(field, found.digits());
        });
        return value;
    }
}
