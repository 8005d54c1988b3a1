package org.payengine.domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.money.Money;
import org.quicktheories.generators.Generate;

class SignedMoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void major_units_become_exact_minor_units_with_the_currencys_exponent() {
        assertEquals(SignedMoney.of("USD", 10000), SignedMoney.parseMajorUnits("v", USD, "100.00"));
        assertEquals(SignedMoney.of("USD", 10050), SignedMoney.parseMajorUnits("v", USD, "100.5"));
        assertEquals(SignedMoney.of("USD", 100), SignedMoney.parseMajorUnits("v", USD, "1"));
        assertEquals(SignedMoney.of("USD", -120), SignedMoney.parseMajorUnits("v", USD, "-1.20"));
        assertEquals(SignedMoney.of("JPY", 4200), SignedMoney.parseMajorUnits("v", JPY, "4200"));
        assertEquals(SignedMoney.of("BHD", 1250), SignedMoney.parseMajorUnits("v", BHD, "1.250"));
        assertEquals(SignedMoney.of("USD", 0), SignedMoney.parseMajorUnits("v", USD, "0.00"));
    }

    @Test
    void a_value_with_more_decimals_than_the_currency_has_is_refused_never_rounded() {
        InvalidValueException cents = assertThrows(InvalidValueException.class,
                () -> SignedMoney.parseMajorUnits("transactionAmountValue", USD, "10.005"));
        assertEquals("transactionAmountValue", cents.field());
        assertTrue(cents.reason().contains("3 decimals; USD has 2"), cents.reason());
        assertThrows(InvalidValueException.class, () -> SignedMoney.parseMajorUnits("v", JPY, "4200.0"));
        assertThrows(InvalidValueException.class, () -> SignedMoney.parseMajorUnits("v", BHD, "1.2500"));
    }

    @Test
    void anything_but_a_plain_decimal_number_is_refused() {
        for (String bad : List.of("", " ", "1,000.00", "1e3", "12.", ".5", "--1", "1.2.3", "USD 1", "0x10", "١٢")) {
            assertThrows(InvalidValueException.class, () -> SignedMoney.parseMajorUnits("v", USD, bad), bad);
        }
        assertThrows(InvalidValueException.class,
                () -> SignedMoney.parseMajorUnits("v", USD, "999999999999999999999.00"));
    }

    @Test
    void every_amount_round_trips_through_its_major_units() {
        qt().withExamples(2_000)
                .forAll(Generate.pick(List.of("USD", "JPY", "BHD", "SGD", "KRW")), longs().between(-99_999_999_999L, 99_999_999_999L))
                .checkAssert((code, minor) -> {
                    SignedMoney money = SignedMoney.of(code, minor);
                    assertEquals(money, SignedMoney.parseMajorUnits("v", money.currency(),
                            money.toMajorUnits().toPlainString()));
                });
    }

    @Test
    void the_magnitude_is_money_without_the_sign() {
        assertEquals(Money.of("USD", 2000), SignedMoney.of("USD", -2000).magnitude());
        assertEquals(SignedMoney.of("USD", 9765), SignedMoney.of("USD", 10000).plus(SignedMoney.of("USD", -235)));
        assertEquals("USD -1.20", SignedMoney.of("USD", -120).toString());
    }
}
