package org.payengine.application.port;

import java.util.List;
import java.util.Optional;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.ReferenceBuyerId;

/** The cards buyers saved, per buyer. Holds tokens and masked numbers only, never a card number. Thread-safe; joins {@link Transactions}. */
public interface CardTokens {

    /** Saves the card, replacing a card of the same buyer with the same token (idempotent). */
    void save(StoredCard card);

    /** The buyer's cards, most recently saved first; empty for an unknown buyer. */
    List<StoredCard> findByBuyer(ReferenceBuyerId buyer);

    Optional<StoredCard> find(ReferenceBuyerId buyer, CardToken token);

    /** @return whether the card existed */
    boolean remove(ReferenceBuyerId buyer, CardToken token);
}
