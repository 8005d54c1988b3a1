package org.payengine.application.port;

import java.util.List;
import java.util.Objects;

/**
 * One payment option Antom's consult returned.
 *
 * @param paymentMethodType e.g. {@code CARD}
 * @param category          e.g. {@code CARD}, {@code WALLET}
 * @param disableReason     why it is disabled, {@code null} when enabled
 * @param logoName          the brand shown (for cards, the card brand), may be {@code null}
 * @param logoUrl           the brand's logo, may be {@code null}
 * @param regions           regions the method serves
 * @param supportedCurrencies currencies it accepts
 * @param cardBrands        card brands supported, for card methods
 */
public record PaymentMethodOption(String paymentMethodType, String category, boolean enabled, boolean preferred,
                                  String disableReason, String logoName, String logoUrl, List<String> regions,
                                  List<String> supportedCurrencies, List<String> cardBrands) {

    public PaymentMethodOption {
        Objects.requireNonNull(paymentMethodType, "paymentMethodType");
        regions = regions == null ? List.of() : List.copyOf(regions);
        supportedCurrencies = supportedCurrencies == null ? List.of() : List.copyOf(supportedCurrencies);
        cardBrands = cardBrands == null ? List.of() : List.copyOf(cardBrands);
    }
}
