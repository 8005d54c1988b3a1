package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Transactions;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.ReferenceBuyerId;

/** What every {@link CardTokens} store must do. */
public abstract class CardTokensContract {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    protected abstract CardTokens cardTokens();

    protected abstract Transactions transactions();

    @Test
    public void a_buyers_cards_are_listed_most_recent_first() {
        ReferenceBuyerId buyer = buyer();
        StoredCard older = card(buyer, "tok-a", T0);
        StoredCard newer = new StoredCard(buyer, CardToken.of("tok-b-" + unique()), null, null, null,
                T0.plusSeconds(60));
        transactions().run(() -> {
            cardTokens().save(older);
            cardTokens().save(newer);
        });

        assertEquals(List.of(newer, older), transactions().inTransaction(() -> cardTokens().findByBuyer(buyer)));
        assertEquals(older, transactions().inTransaction(() -> cardTokens().find(buyer, older.token())).orElseThrow());
    }

    @Test
    public void saving_the_same_token_again_replaces_the_card() {
        ReferenceBuyerId buyer = buyer();
        StoredCard card = card(buyer, "tok-a", T0);
        StoredCard again = new StoredCard(buyer, card.token(), "MASTERCARD", card.maskedNumber(), card.expiry(),
                T0.plusSeconds(5));
        transactions().run(() -> cardTokens().save(card));
        transactions().run(() -> cardTokens().save(again));

        assertEquals(List.of(again), transactions().inTransaction(() -> cardTokens().findByBuyer(buyer)));
    }

    @Test
    public void a_removed_card_is_gone_and_other_buyers_are_untouched() {
        ReferenceBuyerId buyer = buyer();
        ReferenceBuyerId other = buyer();
        StoredCard card = card(buyer, "tok-a", T0);
        StoredCard othersCard = card(other, "tok-a", T0);
        transactions().run(() -> {
            cardTokens().save(card);
            cardTokens().save(othersCard);
        });

        assertTrue(transactions().inTransaction(() -> cardTokens().remove(buyer, card.token())));
        assertFalse(transactions().inTransaction(() -> cardTokens().remove(buyer, card.token())));

        assertTrue(transactions().inTransaction(() -> cardTokens().findByBuyer(buyer)).isEmpty());
        assertEquals(List.of(othersCard), transactions().inTransaction(() -> cardTokens().findByBuyer(other)));
    }

    @Test
    public void an_unknown_buyer_has_no_cards() {
        assertTrue(transactions().inTransaction(() -> cardTokens().findByBuyer(buyer())).isEmpty());
    }

    private static ReferenceBuyerId buyer() {
        return ReferenceBuyerId.of("buyer-" + unique());
    }

    /** A UUID with its groups joined by {@code _}, so that no run of digits in an id or token is ever long. */
    private static String unique() {
        return UUID.randomUUID().toString().replace('-', '_');
    }

    private static StoredCard card(ReferenceBuyerId buyer, String token, Instant savedAt) {
        return new StoredCard(buyer, CardToken.of(token + "-" + buyer.value()), "VISA",
                MaskedCardNumber.of("405469******0768"), YearMonth.of(2030, 12), savedAt);
    }
}
