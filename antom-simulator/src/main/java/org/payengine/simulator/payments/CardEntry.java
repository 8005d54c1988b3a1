package org.payengine.simulator.payments;

/**
 * What the buyer enters on the hosted page (or what the control API's {@code complete} stands in
 * for). The full number lives only as long as this object: the payment keeps the masked number.
 *
 * @param cardNumber        digits only (spaces are stripped by the caller); null when paying with the saved card
 * @param expiryMonth       two digits; month {@code 13} is Antom's invalid-expiry test value
 * @param expiryYear        two digits
 * @param cvv               three (or four) digits; two digits is Antom's invalid-CVC test value
 * @param holderName        the cardholder's name
 * @param saveCard          the buyer agreed to store the card (a {@code cardToken} is issued)
 * @param useSavedCard      pay with the card token the merchant passed in {@code paymentMethodId}
 * @param selectedCardBrand for Korean issuer authentication, the card company chosen
 */
public record CardEntry(String cardNumber, String expiryMonth, String expiryYear, String cvv, String holderName,
                        boolean saveCard, boolean useSavedCard, String selectedCardBrand) {

    /** A buyer paying with {@code cardNumber} and default valid details. */
    public static CardEntry card(String cardNumber, boolean saveCard) {
        return new CardEntry(cardNumber, "12", "30", "123", "Test Buyer", saveCard, false, null);
    }

    @Override
    public String toString() {
        return "CardEntry[card number and CVV not shown]";
    }
}
