package org.payengine.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.payengine.domain.InvalidValueException;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Round trips of Antom's amount form, over generated values. QuickTheories prints the seed of a failing run;
 * replay it with {@code -DQT_SEED=<seed>}.
 */
class MoneyPropertiesTest {

    private static final List<String> CURRENCIES = List.of("SGD", "USD", "JPY", "KRW", "BHD", "KWD", "CLP", "EUR");
    private static final long LARGEST_ANTOM_VALUE = 9_999_999_999_999_999L;

    private static Gen<String> currencies() {
        return Generate.pick(CURRENCIES);
    }

    @Test
    void every_positive_amount_round_trips_through_antoms_string_form() {
        qt().withExamples(2_000).forAll(currencies(), longs().between(1, LARGEST_ANTOM_VALUE))
                .checkAssert((currency, minor) -> {
                    Money money = Money.of(currency, minor);
                    assertEquals(money,
                            Money.fromAntom(currency, money.antomValue()));
                });
    }

    @Test
    void every_valid_antom_string_round_trips_unchanged() {
        Gen<String> validValues = integers().between(1, 16).zip(longs().all(), (length, seed) -> {
            Random random = new Random(seed);
            StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            while (digits.length() < length) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        });
        qt().withExamples(2_000).forAll(currencies(), validValues)
                .checkAssert((currency, value) -> assertEquals(value,
                        Money.fromAntom(currency, value).antomValue()));
    }

    @Test
    void any_other_string_is_refused_never_misread() {
        qt().withExamples(2_000).forAll(currencies(), strings().basicLatinAlphabet().ofLengthBetween(0, 20))
                .checkAssert((currency, value) -> {
                    boolean valid = value.matches("[1-9][0-9]{0,15}");
                    try {
                        Money parsed = Money.fromAntom(currency, value);
                        assertTrue(valid, "accepted \"" + value + "\"");
                        assertEquals(value, parsed.antomValue());
                    } catch (InvalidValueException refused) {
                        assertFalse(valid, "refused \"" + value + "\"");
                    }
                });
    }

    @Test
    void human_form_shows_the_exact_amount_in_major_units() {
        qt().withExamples(1_000).forAll(currencies(), longs().between(0, LARGEST_ANTOM_VALUE))
                .checkAssert((currency, minor) -> {
                    Money money = Money.of(currency, minor);
                    String[] parts = money.toString().split(" ");
                    assertEquals(currency, parts[0]);
                    assertEquals(BigDecimal.valueOf(minor, money.exponent()),
                            new BigDecimal(parts[1]));
                    assertEquals(money.exponent(), new BigDecimal(parts[1]).scale());
                });
    }

    @Test
    void addition_is_exact_or_refused() {
        qt().withExamples(1_000).forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
                .checkAssert((a, b) -> {
                    try {
                        Money sum = Money.of("SGD", a).plus(Money.of("SGD", b));
                        assertEquals(BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)),
                                BigDecimal.valueOf(sum.minorUnits()));
                    } catch (ArithmeticException overflow) {
                        assertTrue(
                                BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0);
                    }
                });
    }
}
