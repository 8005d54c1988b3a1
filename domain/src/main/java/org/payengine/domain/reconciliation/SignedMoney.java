package org.payengine.domain.reconciliation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.money.Money;

/**
 * An amount of a report that carries a sign: Antom writes fees and other deductions negative, and a refund's
 * settlement amount takes money back. Minor units in a {@code long}, like {@link Money}, which is never negative.
 */
public record SignedMoney(Currency currency, long minorUnits) {

    public SignedMoney {
        Objects.requireNonNull(currency, "currency");
        Money.exponentOf(currency);
    }

    public static SignedMoney of(String currencyCode, long minorUnits) {
        return new SignedMoney(Money.currency(currencyCode), minorUnits);
    }

    public static SignedMoney of(Money money) {
        return new SignedMoney(money.currency(), money.minorUnits());
    }

    /**
     * Reads an amount the way Antom's reports write it: in major units, as a decimal number ({@code 100.00},
     * {@code -1.20}, {@code 4200} for JPY), converted exactly with the currency's exponent.
     *
     * @param field named in the refusal, e.g. {@code settlementAmountValue}
     * @throws InvalidValueException when the text is not a plain decimal number, has more decimals than the currency
     *                               has (a value that cannot be said in minor units is never rounded), or does not fit
     */
    public static SignedMoney parseMajorUnits(String field, Currency currency, String text) {
        Objects.requireNonNull(currency, "currency");
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "is required");
        }
        String value = text.strip();
        int start = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        int point = value.indexOf('.');
        int digitsBefore = (point < 0 ? value.length() : point) - start;
        int decimals = point < 0 ? 0 : value.length() - point - 1;
        if (digitsBefore < 1 || (point >= 0 && decimals < 1) || !digitsOnly(value, start, point)) {
            throw new InvalidValueException(field, "\"" + text + "\" is not a decimal amount such as 100.00");
        }
        int exponent = Money.exponentOf(currency);
        if (decimals > exponent) {
            throw new InvalidValueException(field, "\"" + text + "\" has " + decimals + " decimals; "
                    + currency.getCurrencyCode() + " has " + exponent);
        }
        try {
            return new SignedMoney(currency, new BigDecimal(value).movePointRight(exponent).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new InvalidValueException(field, "\"" + text + "\" is too large an amount");
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** The amount without its sign. */
    public Money magnitude() {
        return new Money(currency, Math.absExact(minorUnits));
    }

    /** @throws IllegalArgumentException when the currencies differ; @throws ArithmeticException on overflow */
    public SignedMoney plus(SignedMoney other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other + " to " + this);
        }
        return new SignedMoney(currency, Math.addExact(minorUnits, other.minorUnits));
    }

    /** The amount in major units, as the reports write it: {@code -1.20} for USD -120 minor units. */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(minorUnits, Money.exponentOf(currency));
    }

    /** Human form: {@code USD -1.20}. */
    @Override
    public String toString() {
        return currencyCode() + " " + toMajorUnits().toPlainString();
    }

    private static boolean digitsOnly(String value, int start, int point) {
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (i != point && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
