package org.payengine.domain.money;

import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import org.payengine.domain.InvalidValueException;

/**
 * The currencies Antom processes card payments in, so that an order Antom would refuse is refused when it is made,
 * not at the first payment attempt — and a withdrawn currency ({@code DEM}, {@code ZWD}) or one with four decimals
 * ({@code CLF}) that the JDK still knows never becomes an order.
 *
 * <p>From Antom's documentation of its cards (docs.antom.com, "Payment methods → Cards"): the processing currencies
 * of Visa and Mastercard at each Antom acquirer (AntomSG, AntomHK, AntomEU, AntomUK, AntomUS, AntomJP: AED, AUD,
 * CAD, CHF, CZK, DKK, EUR, GBP, HKD, JPY, NZD, PLN, SEK, SGD, USD), and the currency of each local card Antom takes
 * (South Korean cards KRW, Brazilian BRL, Chilean CLP, Mexican MXN, Peruvian PEN, Turkish TRY, Indian INR). Which of
 * them a merchant may use is the merchant's contract with Antom; a currency outside it Antom refuses
 * ({@code CURRENCY_NOT_SUPPORT}).
 */
public final class CardCurrencies {

    /** Antom's card processing currencies, as ISO 4217 codes. */
    public static final Set<String> CODES = Set.copyOf(new TreeSet<>(Set.of(
            "AED", "AUD", "CAD", "CHF", "CZK", "DKK", "EUR", "GBP", "HKD", "JPY", "NZD", "PLN", "SEK", "SGD", "USD",
            "KRW", "BRL", "CLP", "MXN", "PEN", "TRY", "INR")));

    private CardCurrencies() {
    }

    /**
     * {@code currency} when Antom processes card payments in it.
     *
     * @throws InvalidValueException naming {@code field} and the currencies there are
     */
    public static Currency requireAccepted(String field, Currency currency) {
        if (!CODES.contains(currency.getCurrencyCode())) {
            throw new InvalidValueException(field, currency.getCurrencyCode()
                    + " is not a currency Antom takes card payments in; one of " + new TreeSet<>(CODES));
        }
        return currency;
    }
}
