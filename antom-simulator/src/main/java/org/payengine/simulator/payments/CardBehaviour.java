package org.payengine.simulator.payments;

/** What the issuer does with an authorization (and later captures) for a test card. */
public enum CardBehaviour {
    /** Authorized at once. */
    APPROVE(null, null),
    /** The issuer declines. */
    DECLINE("DO_NOT_HONOR", "The card issuer declined the payment."),
    INSUFFICIENT_FUNDS("USER_BALANCE_NOT_ENOUGH", "The card has insufficient funds."),
    EXPIRED_CARD("CARD_EXPIRED", "The card has expired."),
    /** Authorized, but the billing address did not match ({@code avsResultRaw = N}). */
    AVS_MISMATCH(null, null),
    /** The issuer answers a minute later: success. */
    PROCESSING_THEN_SUCCESS(null, null),
    /** The issuer answers a minute later: failure. */
    PROCESSING_THEN_FAIL("PROCESS_FAIL", "General business failure. No retry."),
    /** The issuer never answers: the payment stays {@code PROCESSING}. */
    STAYS_PROCESSING(null, null),
    /** Authorized; every capture answers {@code U} and succeeds a minute later. */
    CAPTURE_PROCESSING(null, null),
    /** Authorized; every capture answers {@code U} and fails a minute later. */
    CAPTURE_FAILS(null, null);

    private final String declineCode;
    private final String declineMessage;

    CardBehaviour(String declineCode, String declineMessage) {
        this.declineCode = declineCode;
        this.declineMessage = declineMessage;
    }

    /** The result code of an immediate decline, or null when the issuer does not decline at once. */
    public String declineCode() {
        return declineCode;
    }

    public String declineMessage() {
        return declineMessage;
    }
}
