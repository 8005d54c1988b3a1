package org.payengine.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.payengine.domain.CardNumbers;
import org.payengine.domain.InvalidValueException;

/**
 * An amount of money: an ISO 4217 currency and a whole number of the currency's minor units
 * (cents for SGD, yen for JPY, fils for BHD). Never a floating-point number.
 *
 * <p>Antom sends and expects amounts as {@code {"currency":"SGD","value":"4200"}}, the value being the
 * minor units as a string of digits; {@link #fromAntom} and {@link #antomValue()} translate that form.
 * Money is never negative; zero is allowed for sums, while Antom's wire amounts are always positive.
 */
public record Money(Currency currency, long minorUnits) implements Comparable<Money> {

    /** Antom: "positive integer in the currency's minor unit (at most 16 characters)". */
    public static final int MAX_ANTOM_VALUE_LENGTH = 16;

    public Money {
        if (currency == null) {
            throw new InvalidValueException("Money", "currency is required");
        }
        exponentOf(currency);
        if (minorUnits < 0) {
            throw new InvalidValueException("Money", "amount must not be negative, was " + minorUnits);
        }
    }

    /** {@code Money.of("SGD", 4200)} is SGD 42.00. */
    public static Money of(String currencyCode, long minorUnits) {
        return new Money(currency(currencyCode), minorUnits);
    }

    public static Money zero(Currency currency) {
        return new Money(currency, 0);
    }

    /**
     * Reads Antom's amount form. The value must be a positive integer of at most 16 digits, with no
     * sign, decimal point, blank or leading zero, because that is what Antom documents and sends.
     *
     * @throws InvalidValueException naming what is wrong with the currency or the value
     */
    public static Money fromAntom(String currencyCode, String value) {
        Currency currency = currency(currencyCode);
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("amount.value", "is required");
        }
        if (value.length() > MAX_ANTOM_VALUE_LENGTH) {
            throw new InvalidValueException("amount.value",
                    "must be at most " + MAX_ANTOM_VALUE_LENGTH + " digits, was " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException("amount.value",
                        "must be a whole number of minor units written with digits only, found '" + printable(c)
                                + "' at index " + i + " in \"" + CardNumbers.redacted(value) + "\"");
            }
        }
        if (value.charAt(0) == '0') {
            throw new InvalidValueException("amount.value",
                    "must be a positive number without leading zeros, was \"" + CardNumbers.redacted(value) + "\"");
        }
        return new Money(currency, Long.parseLong(value));
    }

    /**
     * Resolves an ISO 4217 alphabetic code that has a minor unit.
     *
     * @throws InvalidValueException when the code is malformed, unknown, or names a currency
     *                               without minor units (gold, testing codes)
     */
    public static Currency currency(String code) {
        if (code == null || code.isEmpty()) {
            throw new InvalidValueException("amount.currency", "is required");
        }
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new InvalidValueException("amount.currency",
                    "must be an ISO 4217 code of three upper-case letters, was \"" + code + "\"");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("amount.currency", "\"" + code + "\" is not an ISO 4217 currency");
        }
        exponentOf(currency);
        return currency;
    }

    /**
     * The number of decimals of the currency's minor unit: 0 for JPY, KRW, CLP, VND; 3 for BHD, KWD,
     * JOD, OMR, TND, IQD, LYD; 2 for most others. The JDK's ISO 4217 table is authoritative and is
     * checked against ISO and Antom's published table by the tests.
     */
    public static int exponentOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new InvalidValueException("amount.currency",
                    currency.getCurrencyCode() + " has no minor unit and cannot be used for payments");
        }
        return digits;
    }

    public int exponent() {
        return exponentOf(currency);
    }

    /** The minor units as Antom's {@code value} string, e.g. {@code "4200"}; only positive amounts go on the wire. */
    public String antomValue() {
        if (minorUnits <= 0) {
            throw new InvalidValueException("amount.value", "Antom amounts must be positive, was " + this);
        }
        return Long.toString(minorUnits);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in major units, for display: {@code 42.00} for SGD 4200 minor units. */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(minorUnits, exponent());
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    /** @throws CurrencyMismatchException when the currencies differ; @throws ArithmeticException on overflow */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(currency, Math.addExact(minorUnits, other.minorUnits));
    }

    /** @throws CurrencyMismatchException when the currencies differ; refuses a negative result */
    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        if (other.minorUnits > minorUnits) {
            throw new InvalidValueException("Money", "cannot subtract " + other + " from " + this + ": the result would be negative");
        }
        return new Money(currency, minorUnits - other.minorUnits);
    }

    /** @throws ArithmeticException on overflow */
    public Money times(long quantity) {
        if (quantity < 0) {
            throw new InvalidValueException("quantity", "must not be negative, was " + quantity);
        }
        return new Money(currency, Math.multiplyExact(minorUnits, quantity));
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** Human form: {@code SGD 42.00}, {@code JPY 4200}, {@code BHD 1.250}. */
    @Override
    public String toString() {
        return currencyCode() + " " + toMajorUnits().toPlainString();
    }

    private void requireSameCurrency(Money other, String operation) {
        Objects.requireNonNull(other, "other");
        if (!sameCurrencyAs(other)) {
            throw new CurrencyMismatchException(operation, this, other);
        }
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }
}
