package org.payengine.domain.money;

/** Arithmetic across currencies is a programming error: there is no exchange rate in the domain. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(String operation, Money left, Money right) {
        super("Cannot " + operation + " " + left + " and " + right + ": the currencies differ");
    }
}
