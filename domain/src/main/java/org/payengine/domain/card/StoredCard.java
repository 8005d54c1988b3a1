package org.payengine.domain.card;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.ReferenceBuyerId;

/**
 * A card a buyer saved on Antom's hosted page, as PayEngine keeps it: Antom's token and what may be
 * shown to the buyer to recognise the card. Never the card number.
 *
 * @param expiry {@code null} when Antom did not report it
 */
public record StoredCard(ReferenceBuyerId buyer, CardToken token, String brand, MaskedCardNumber maskedNumber,
                         YearMonth expiry, Instant savedAt) {

    public StoredCard {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(token, "token");
        brand = Text.optional("cardBrand", brand, 32);
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
