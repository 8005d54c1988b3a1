package org.payengine.simulator.payments;

/** Where the buyer is on the hosted page, while a payment is {@code PROCESSING}. */
public enum CheckoutStage {
    /** The page waits for card details (or a saved card, or a Korean card brand). */
    AWAITING_BUYER,
    /** A 3DS challenge or a Korean issuer authentication waits for its code. */
    AWAITING_CHALLENGE,
    /** The buyer has paid; the issuer has not answered yet. */
    ISSUER_PROCESSING,
    /** The payment has a final status. */
    DONE
}
