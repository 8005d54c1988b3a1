package org.payengine.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.payengine.domain.InvalidValueException;

class MaskedCardNumberTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"405469******0768", "************0768", "4054 69** **** 0768", "40546957****0768",
            "xxxx-xxxx-xxxx-0768", "0768"})
    void masked_numbers_as_antom_shows_them_are_kept(String masked) {
        assertEquals("0768", MaskedCardNumber.of(masked).lastDigits());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4054695723100768", "4054 6957 2310 0768", "405469572310*768", "40546957"})
    void anything_that_could_be_a_card_number_is_refused(String text) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> MaskedCardNumber.of(text));
        assertEquals("MaskedCardNumber", refused.field());
    }

    @Test
    void a_card_token_that_looks_like_a_card_number_is_refused() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> CardToken.of("4054695723100768"));
        assertTrue(refused.reason().contains("card number"));
    }

    @Test
    void tokens_whose_digits_are_not_card_numbers_are_kept() {
        assertEquals("tok-b-12345678-1234-1234-1234-123456789012",
                CardToken.of("tok-b-12345678-1234-1234-1234-123456789012").value());
        assertEquals("ALIPAY20250301123456789012345", CardToken.of("ALIPAY20250301123456789012345").value());
    }

    @Test
    void a_card_number_inside_a_token_is_refused() {
        assertThrows(InvalidValueException.class, () -> CardToken.of("tok-4054695723100768"));
        assertThrows(InvalidValueException.class, () -> CardToken.of("5162 7741 1497 4622"));
    }

    @Test
    void card_facts_fill_in_what_was_missing_and_keep_what_was_known() {
        CardFacts fromNotification = new CardFacts("VISA", null, null, null, null, null, "Y", null, null, null);
        CardFacts fromInquiry = new CardFacts("MASTERCARD", MaskedCardNumber.of("****0768"), CardToken.of("tok-1"),
                "DEBIT", "SG", null, "N", "M", null, "nti-1");

        CardFacts merged = fromNotification.filledFrom(fromInquiry);

        assertEquals("VISA", merged.brand());
        assertEquals("Y", merged.avsResultRaw());
        assertEquals("M", merged.cvvResultRaw());
        assertEquals(CardToken.of("tok-1"), merged.token());
        assertEquals(merged, merged.filledFrom(fromInquiry));
    }
}
