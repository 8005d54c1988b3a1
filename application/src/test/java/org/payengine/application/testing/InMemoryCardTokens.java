package org.payengine.application.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.testing.InMemoryState.CardKey;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.ReferenceBuyerId;

/** {@link CardTokens} in memory; writes join the current transaction. */
public final class InMemoryCardTokens implements CardTokens {

    private final InMemoryDatabase database;

    public InMemoryCardTokens(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public void save(StoredCard card) {
        database.write(state -> state.withCard(new CardKey(card.buyer(), card.token()), card));
    }

    @Override
    public List<StoredCard> findByBuyer(ReferenceBuyerId buyer) {
        return database.read(state -> state.cards().values().stream().filter(card -> card.buyer().equals(buyer))
                .sorted(Comparator.comparing(StoredCard::savedAt).reversed()).toList());
    }

    @Override
    public Optional<StoredCard> find(ReferenceBuyerId buyer, CardToken token) {
        return database.read(state -> Optional.ofNullable(state.cards().get(new CardKey(buyer, token))));
    }

    @Override
    public boolean remove(ReferenceBuyerId buyer, CardToken token) {
        boolean existed = find(buyer, token).isPresent();
        database.write(state -> state.withCard(new CardKey(buyer, token), null));
        return existed;
    }
}
