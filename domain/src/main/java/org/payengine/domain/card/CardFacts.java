package org.payengine.domain.card;

import java.time.YearMonth;
import org.payengine.domain.Text;

/**
 * What Antom tells PayEngine about the card a buyer paid with. Every part may be absent: the pay
 * response, the notification and the inquiry each carry a different subset, and later facts fill in
 * what earlier ones lacked ({@link #filledFrom}). Never a card number or a CVV.
 *
 * @param brand                 card brand as Antom names it, e.g. {@code VISA}
 * @param maskedNumber          the masked card number
 * @param token                 the card token when the card was saved (tokenized)
 * @param funding               {@code CREDIT}, {@code DEBIT}, {@code PREPAID} or {@code CHARGE}
 * @param issuingCountry        ISO 3166 alpha-2 country of the issuer
 * @param expiry                card expiry month, when Antom reports it
 * @param avsResultRaw          the raw address verification result
 * @param cvvResultRaw          the raw CVV check result
 * @param threeDS               the 3-D Secure result
 * @param networkTransactionId  the scheme's transaction id, needed for later merchant-initiated payments
 */
public record CardFacts(String brand, MaskedCardNumber maskedNumber, CardToken token, String funding,
                        String issuingCountry, YearMonth expiry, String avsResultRaw, String cvvResultRaw,
                        ThreeDSResult threeDS, String networkTransactionId) {

    public static final CardFacts NONE = new CardFacts(null, null, null, null, null, null, null, null, null, null);

    public CardFacts {
        brand = Text.optional("cardBrand", brand, 32);
        funding = Text.optional("funding", funding, 16);
        issuingCountry = Text.optional("issuingCountry", issuingCountry, 3);
        avsResultRaw = Text.optional("avsResultRaw", avsResultRaw, 64);
        cvvResultRaw = Text.optional("cvvResultRaw", cvvResultRaw, 64);
        networkTransactionId = Text.optional("networkTransactionId", networkTransactionId, 256);
        if (threeDS != null && threeDS.isEmpty()) {
            threeDS = null;
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * These facts with every absent part taken from {@code other}. What is already known is kept, so
     * applying the same facts again changes nothing.
     */
    public CardFacts filledFrom(CardFacts other) {
        if (other == null) {
            return this;
        }
        return new CardFacts(
                brand != null ? brand : other.brand,
                maskedNumber != null ? maskedNumber : other.maskedNumber,
                token != null ? token : other.token,
                funding != null ? funding : other.funding,
                issuingCountry != null ? issuingCountry : other.issuingCountry,
                expiry != null ? expiry : other.expiry,
                avsResultRaw != null ? avsResultRaw : other.avsResultRaw,
                cvvResultRaw != null ? cvvResultRaw : other.cvvResultRaw,
                threeDS != null ? threeDS : other.threeDS,
                networkTransactionId != null ? networkTransactionId : other.networkTransactionId);
    }
}
