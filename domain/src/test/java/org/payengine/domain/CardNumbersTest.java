package org.payengine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.payengine.domain.testing.CardNumberFixtures;
import org.quicktheories.core.Gen;

/**
 * Card numbers are found however they are written into free text, and what is no card number is left alone.
 * QuickTheories prints the seed of a failing run; replay it with {@code -DQT_SEED=<seed>}.
 */
class CardNumbersTest {

    @ParameterizedTest(name = "\"{0}\" holds a card number")
    @ValueSource(strings = {
            "5162774114974622",                              // Antom's Mastercard test card as an order id
            "card 4054695723100768 exp 12/30 cvv 123",        // pasted into a description
            "4054 6957 2310 0768",                            // printed like on the card
            "4054-6957-2310-0768",
            "4054 6957 2310 0768 123",                        // followed by its security code
            "order-4054695723100768",
            "https://shop.example/return?pan=4054695723100768",
            "4054695723100768@example.com",
            "３７８２８２２４６３１０００５",                       // an American Express test number in full-width digits
            "378282246310005",                                // 15 digits
            "6759649826438453",                               // Maestro, 16 digits
            "3782 822463 10005",                              // American Express's layout, 4-6-5
            "4054695723100768\t12/30",
            "4000020000000109",
            "no 1 2 4054695723100768"})
    void a_digit_run_of_card_length_that_passes_luhn_is_a_card_number(String text) {
        assertTrue(CardNumbers.foundIn(text), text);
    }

    @ParameterizedTest(name = "\"{0}\" holds no card number")
    @ValueSource(strings = {
            "order-1001",
            "4054695723100769",                               // the check digit is wrong
            "40546957231",                                    // 11 digits pass Luhn but are too short
            "675964982648",                                   // so do 12, a rare Maestro length left out on purpose
            "x4054695723100768",                              // glued to letters, as in hex ids
            "439c6926-3991-4054-8821-e14ff4958992",           // a UUID whose digits line up like a card's groups
            "+8613800138000",                                 // an international phone number
            "call +86 1380 0138 000",
            "40546957 23100768",                              // groups in no card's layout
            "40546957231007680000",                           // 20 digits in one piece are no card number
            "Delivery 2025-03-01 2025-03-05",                 // dates: blanks and dashes mixed
            "2025-03-01T10:00:00Z",
            "SGD 42.00, 3 items",
            "203.0.113.7",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.6099.109",
            ""})
    void what_is_no_card_number_is_left_alone(String text) {
        assertFalse(CardNumbers.foundIn(text), text);
    }

    @Test
    void null_holds_no_card_number() {
        assertFalse(CardNumbers.foundIn(null));
    }

    @Test
    void where_a_card_number_was_found_and_how_many_digits_it_has() {
        CardNumbers.Found found = CardNumbers.find("card 4054 6957 2310 0768 exp", 0).orElseThrow();
        assertEquals(5, found.start());
        assertEquals(24, found.end());
        assertEquals(16, found.digits());
    }

    @Test
    void redacting_stars_the_digits_of_every_card_number_and_keeps_the_rest() {
        assertEquals("/v1/orders/****************/payments",
                CardNumbers.redacted("/v1/orders/4054695723100768/payments"));
        assertEquals("a **** **** **** **** b ****************",
                CardNumbers.redacted("a 4054 6957 2310 0768 b 5162774114974622"));
        assertEquals("order-1001", CardNumbers.redacted("order-1001"));
    }

    @Test
    void every_luhn_valid_number_of_card_length_is_found_however_it_is_written_and_wherever_it_stands() {
        qt().withExamples(2_000).forAll(cardNumbers(), integers().between(0, 3), longs().all())
                .checkAssert((number, style, seed) -> {
                    Random random = new Random(seed);
                    String written = switch (style) {
                        case 0 -> number;
                        case 1 -> CardNumberFixtures.grouped(number, ' ');
                        case 2 -> CardNumberFixtures.grouped(number, '-');
                        default -> CardNumberFixtures.grouped(number, ' ') + " " + (100 + random.nextInt(900)); // and the security code
                    };
                    String text = wordsBefore(random) + written + wordsAfter(random);
                    assertTrue(CardNumbers.foundIn(text), text);
                    assertFalse(CardNumbers.foundIn(CardNumbers.redacted(text)), CardNumbers.redacted(text));
                });
    }

    @Test
    void uuids_and_hex_ids_are_never_taken_for_card_numbers() {
        qt().withExamples(2_000).forAll(longs().all(), longs().all()).checkAssert((high, low) -> {
            String uuid = new java.util.UUID(high, low).toString();
            String hex = Long.toHexString(high) + Long.toHexString(low);
            assertFalse(CardNumbers.foundIn(uuid), uuid);
            assertFalse(CardNumbers.foundIn("order-" + hex), hex);
        });
    }

    @Test
    void a_number_whose_check_digit_is_wrong_is_no_card_number() {
        qt().withExamples(2_000).forAll(cardNumbers(), integers().between(1, 9)).checkAssert((number, offset) -> {
            int last = number.charAt(number.length() - 1) - '0';
            String wrong = number.substring(0, number.length() - 1) + (char) ('0' + (last + offset) % 10);
            assertFalse(CardNumbers.foundIn("id " + wrong + " end"), wrong);
        });
    }

    /** Numbers of 13 to 19 digits made valid by their Luhn check digit. */
    static Gen<String> cardNumbers() {
        return integers().between(CardNumbers.MIN_DIGITS, CardNumbers.MAX_DIGITS)
                .zip(longs().all(), (length, seed) -> CardNumberFixtures.luhnValid(length, new Random(seed)));
    }

    /** Some words before the number, apart from it. */
    private static String wordsBefore(Random random) {
        String[] words = {"", "order ", "card: ", "Paid with ", "ref/", "pan=", "order-"};
        return words[random.nextInt(words.length)];
    }

    /** Some words after the number, apart from it. */
    private static String wordsAfter(Random random) {
        String[] words = {"", " exp 12/30", ", thanks", "/x", "@example.com"};
        return words[random.nextInt(words.length)];
    }
}
