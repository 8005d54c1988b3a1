package org.payengine.simulator.payments;

/**
 * What Antom keeps of a card: masked number, brand and issuer facts, and how the issuer behaves
 * (the simulator's stand-in for the issuer's decision). Never the full number or the CVV.
 */
public record CardDetails(String maskedNumber, String brand, String issuingCountry, String funding,
                          String paymentMethodRegion, CardBehaviour behaviour, ThreeDSBehaviour threeDS,
                          String expiryMonth, String expiryYear, String holderName) {

    static CardDetails of(TestCard card, String expiryMonth, String expiryYear, String holderName) {
        return new CardDetails(TestCards.mask(card.number()), card.brand(), card.issuingCountry(), card.funding(),
                "KR".equals(card.issuingCountry()) ? "KR" : "GLOBAL", card.behaviour(), card.threeDS(),
                expiryMonth, expiryYear, holderName);
    }

    String lastFour() {
        return maskedNumber.substring(maskedNumber.length() - 4);
    }
}
