package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.payengine.domain.InvalidValueException;

/** What Antom refuses for a card payment is refused when the options are made, naming the option. */
class CardPaymentOptionsTest {

    private static PaymentOptions.Builder hosted() {
        return PaymentOptions.hostedCard("https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, null));
    }

    @Test
    void a_custom_expiry_must_be_less_than_ten_minutes_antoms_limit_for_cards() {
        assertEquals(Duration.ofSeconds(599), hosted().expiresIn(Duration.ofSeconds(599)).build().expiresIn());

        InvalidValueException tenMinutes = assertThrows(InvalidValueException.class,
                () -> hosted().expiresIn(Duration.ofMinutes(10)).build());
        assertEquals("expiresIn", tenMinutes.field());
        assertTrue(tenMinutes.reason().contains("less than 10 minutes"), tenMinutes.reason());
        assertThrows(InvalidValueException.class, () -> hosted().expiresIn(Duration.ofHours(48)).build());
    }

    @Test
    void without_a_custom_expiry_antoms_default_of_fourteen_minutes_applies() {
        assertEquals(Duration.ofMinutes(14), hosted().build().effectiveExpiry());
    }

    @Test
    void an_attempt_stored_with_a_longer_expiry_stays_readable() {
        PaymentOptions made = hosted().build();
        PaymentOptions stored = new PaymentOptions(made.captureMode(), made.threeDS(), Duration.ofHours(2),
                made.redirectUrl(), made.notifyUrl(), made.environment(), made.saveCard(), made.cardToken(),
                made.merchantInitiated(), made.networkTransactionId(), made.selectedCardBrand(),
                made.requireIssuerAuthentication(), made.installments(), made.billingAddress(), made.cardholderName(),
                made.settlementCurrency());

        assertEquals(Duration.ofHours(2), stored.expiresIn());
    }

    @Test
    void a_korean_card_company_goes_by_antoms_code() {
        assertEquals("KOOKMIN", hosted().requireIssuerAuthentication(true).selectedCardBrand("KOOKMIN").build()
                .selectedCardBrand());
        assertEquals("TOSSBANK", hosted().requireIssuerAuthentication(true).selectedCardBrand("TOSSBANK").build()
                .selectedCardBrand());

        for (String notAntoms : new String[] {"KB", "HANA", "NH"}) {
            InvalidValueException refused = assertThrows(InvalidValueException.class,
                    () -> hosted().requireIssuerAuthentication(true).selectedCardBrand(notAntoms).build());
            assertEquals("selectedCardBrand", refused.field());
            assertTrue(refused.reason().contains("KEBHANA"), refused.reason());
        }
    }

    @Test
    void without_issuer_authentication_a_selected_brand_is_any_brand_antom_names() {
        assertEquals("CARTES_BANCAIRES", hosted().selectedCardBrand("CARTES_BANCAIRES").build().selectedCardBrand());
    }
}
