package org.payengine.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.payengine.domain.InvalidValueException;

class MoneyTest {

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({
            // zero decimals per Antom's table and ISO 4217
            "JPY,0", "KRW,0", "CLP,0", "VND,0",
            // three decimals per ISO 4217
            "BHD,3", "KWD,3", "JOD,3", "OMR,3", "TND,3", "IQD,3", "LYD,3",
            // Antom's two-decimal list
            "AUD,2", "BDT,2", "BRL,2", "CAD,2", "CNY,2", "EUR,2", "GBP,2", "HKD,2", "IDR,2", "MXN,2", "MYR,2",
            "NZD,2", "PEN,2", "PHP,2", "PKR,2", "PLN,2", "SGD,2", "THB,2", "TWD,2", "USD,2"})
    void currency_exponents_follow_iso_4217_and_antom(String code, int decimals) {
        assertEquals(decimals, Money.exponentOf(Money.currency(code)));
    }

    @Test
    void antom_values_are_minor_units() {
        assertEquals(Money.of("SGD", 4200), Money.fromAntom("SGD", "4200"));
        assertEquals("SGD 42.00", Money.fromAntom("SGD", "4200").toString());
        assertEquals("JPY 4200", Money.fromAntom("JPY", "4200").toString());
        assertEquals("BHD 4.200", Money.fromAntom("BHD", "4200").toString());
        assertEquals("USD 0.01", Money.fromAntom("USD", "1").toString());
        assertEquals("4200", Money.of("KRW", 4200).antomValue());
    }

    @Test
    void the_largest_antom_value_has_sixteen_digits() {
        assertEquals(9_999_999_999_999_999L, Money.fromAntom("USD", "9999999999999999").minorUnits());
        InvalidValueException tooLong = assertThrows(InvalidValueException.class,
                () -> Money.fromAntom("USD", "10000000000000000"));
        assertEquals("amount.value", tooLong.field());
        assertTrue(tooLong.reason().contains("at most 16 digits"), tooLong.reason());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "+100", "-100", "1.00", "1,00", " 100", "100 ", "1e3", "0x10", "0", "007", "١٢٣"})
    void antom_values_other_than_positive_digit_strings_are_refused(String value) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> Money.fromAntom("SGD", value));
        assertEquals("amount.value", refused.field());
    }

    @ParameterizedTest(name = "currency \"{0}\" is refused")
    @ValueSource(strings = {"", "sgd", "SG", "SGDD", "XXX", "XAU", "ABC", "S1D"})
    void unknown_malformed_or_unitless_currencies_are_refused(String code) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> Money.fromAntom(code, "100"));
        assertEquals("amount.currency", refused.field());
    }

    @Test
    void money_is_never_negative() {
        assertThrows(InvalidValueException.class, () -> Money.of("SGD", -1));
        assertThrows(InvalidValueException.class, () -> Money.of("SGD", 100).minus(Money.of("SGD", 101)));
    }

    @Test
    void zero_is_allowed_for_sums_but_never_sent_to_antom() {
        Money zero = Money.of("SGD", 0);
        assertTrue(zero.isZero());
        assertThrows(InvalidValueException.class, zero::antomValue);
    }

    @Test
    void arithmetic_refuses_mixed_currencies() {
        CurrencyMismatchException mismatch = assertThrows(CurrencyMismatchException.class,
                () -> Money.of("SGD", 100).plus(Money.of("USD", 100)));
        assertTrue(mismatch.getMessage().contains("SGD 1.00") && mismatch.getMessage().contains("USD 1.00"));
        assertThrows(CurrencyMismatchException.class, () -> Money.of("SGD", 100).compareTo(Money.of("USD", 100)));
    }

    @Test
    void arithmetic_refuses_overflow() {
        assertThrows(ArithmeticException.class, () -> Money.of("SGD", Long.MAX_VALUE).plus(Money.of("SGD", 1)));
        assertThrows(ArithmeticException.class, () -> Money.of("SGD", Long.MAX_VALUE / 2 + 1).times(2));
    }

    @Test
    void arithmetic_in_one_currency() {
        assertEquals(Money.of("SGD", 300), Money.of("SGD", 100).plus(Money.of("SGD", 200)));
        assertEquals(Money.of("SGD", 100), Money.of("SGD", 300).minus(Money.of("SGD", 200)));
        assertEquals(Money.of("SGD", 600), Money.of("SGD", 200).times(3));
    }
}
