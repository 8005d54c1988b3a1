package org.payengine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"sur-\udc00", "sur-\ud801", "\ud800", "a\udc00b", "\udc00\ud800", "pair reversed \udc37\ud801"})
    void text_with_a_lone_surrogate_is_refused_naming_the_field_and_where(String text) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> Text.required("description", text, 64));
        assertEquals("description", refused.field());
        assertTrue(refused.reason().contains("well-formed Unicode"), refused.reason());
        assertTrue(refused.reason().contains("at index " + text.indexOf(firstLone(text))), refused.reason());
    }

    @Test
    void characters_outside_the_basic_plane_are_whole_surrogate_pairs_and_accepted() {
        assertEquals("tea \ud83c\udf75 for two", Text.required("description", "tea \ud83c\udf75 for two", 64));
        assertEquals("\ud801\udc37", Text.wellFormed("description", "\ud801\udc37"));
    }

    @Test
    void text_from_antom_is_never_refused_a_lone_surrogate_becomes_the_replacement_character() {
        assertEquals("declined \uFFFD by issuer", Text.tidied("declined \ud800 by issuer", 64));
        assertEquals("\uFFFDx\uFFFD", Text.tidied("\udc00x\ud801", 64));
        assertEquals("tea \ud83c\udf75", Text.tidied("tea \ud83c\udf75", 64));
    }

    @Test
    void tidied_text_is_never_cut_between_the_halves_of_a_pair() {
        assertEquals("abc", Text.tidied("abc\ud83c\udf75", 4));
        assertEquals("abc\ud83c\udf75", Text.tidied("abc\ud83c\udf75", 5));
    }

    @Test
    void merchant_text_with_a_card_number_is_refused_naming_the_field_but_not_the_number() {
        CardDataRefusedException refused = assertThrows(CardDataRefusedException.class,
                () -> MerchantText.required("description", "card 4054695723100768 exp 12/30 cvv 123", 256));
        assertEquals("description", refused.field());
        assertTrue(refused.reason().contains("card number (16 digits that pass the Luhn check)"), refused.reason());
        assertTrue(!refused.getMessage().contains("4054695723100768"), refused.getMessage());
        assertEquals("A teapot", MerchantText.optional("description", "A teapot", 256));
    }

    private static char firstLone(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no lone surrogate in the text");
    }
}
