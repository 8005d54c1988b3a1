package org.payengine.application.port;

import java.util.Currency;
import java.util.Objects;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.TerminalType;

/**
 * Which payment methods (card brands) Antom offers for a currency and terminal ({@code consult}).
 *
 * @param amount     the amount to pay, {@code null} when not known yet
 * @param userRegion the buyer's region (ISO 3166 alpha-2), {@code null} when not known
 */
public record ConsultRequest(Currency currency, Money amount, TerminalType terminalType, String userRegion) {

    public ConsultRequest {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(terminalType, "terminalType");
        if (amount != null && !amount.currency().equals(currency)) {
            throw new IllegalArgumentException("amount " + amount + " is not in " + currency);
        }
    }
}
