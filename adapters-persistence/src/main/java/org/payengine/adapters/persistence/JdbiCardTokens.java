package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.nullableInt;
import static org.payengine.adapters.persistence.Columns.textOf;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;
import org.payengine.application.port.CardTokens;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.ReferenceBuyerId;

/** Saved cards in {@code card_tokens}: token, brand, masked number and expiry per buyer; never a card number. */
final class JdbiCardTokens implements CardTokens {

    private static final String ONE_ROW_PER_BUYER_AND_TOKEN = "card_tokens_unique_per_buyer";

    private final JdbiTransactions transactions;

    JdbiCardTokens(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(StoredCard card) {
        transactions.withHandle(handle -> {
            Update update = handle.createUpdate("""
                    UPDATE card_tokens SET brand = :brand, masked_number = :masked, expiry_year = :year,
                        expiry_month = :month, saved_at = :savedAt
                    WHERE reference_buyer_id = :buyer AND token = :token""");
            bind(update, card);
            if (update.execute() == 0) {
                Update insert = handle.createUpdate("""
                        INSERT INTO card_tokens (reference_buyer_id, token, brand, masked_number, expiry_year, expiry_month,
                            saved_at)
                        VALUES (:buyer, :token, :brand, :masked, :year, :month, :savedAt)""");
                bind(insert, card);
                try {
                    insert.execute();
                } catch (RuntimeException failure) {
                    // Saved by another writer meanwhile (the buyer paid twice with the card at once): run again,
                    // and the update above finds it. The token itself stays out of the message.
                    throw DatabaseFailures.conflictIfViolates(failure, ONE_ROW_PER_BUYER_AND_TOKEN,
                            "another writer saved this card of buyer " + card.buyer() + " first");
                }
            }
            return null;
        });
    }

    @Override
    public List<StoredCard> findByBuyer(ReferenceBuyerId buyer) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM card_tokens WHERE reference_buyer_id = ? ORDER BY saved_at DESC, id DESC""")
                .bind(0, buyer.value())
                .map((row, context) -> card(row))
                .list());
    }

    @Override
    public Optional<StoredCard> find(ReferenceBuyerId buyer, CardToken token) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM card_tokens WHERE reference_buyer_id = ? AND token = ?""")
                .bind(0, buyer.value())
                .bind(1, token.value())
                .map((row, context) -> card(row))
                .findFirst());
    }

    @Override
    public boolean remove(ReferenceBuyerId buyer, CardToken token) {
        return transactions.withHandle(handle -> handle
                .createUpdate("DELETE FROM card_tokens WHERE reference_buyer_id = ? AND token = ?")
                .bind(0, buyer.value())
                .bind(1, token.value())
                .execute() > 0);
    }

    private static void bind(Update statement, StoredCard card) {
        statement.bind("buyer", card.buyer().value())
                .bind("token", card.token().value())
                .bind("brand", card.brand())
                .bind("masked", textOf(card.maskedNumber()))
                .bindByType("year", card.expiry() == null ? null : card.expiry().getYear(), Integer.class)
                .bindByType("month", card.expiry() == null ? null : card.expiry().getMonthValue(), Integer.class);
        bindInstant(statement, "savedAt", card.savedAt());
    }

    private static StoredCard card(ResultSet row) throws SQLException {
        Integer year = nullableInt(row, "expiry_year");
        Integer month = nullableInt(row, "expiry_month");
        String masked = row.getString("masked_number");
        return new StoredCard(ReferenceBuyerId.of(row.getString("reference_buyer_id")),
                CardToken.of(row.getString("token")), row.getString("brand"),
                masked == null ? null : MaskedCardNumber.of(masked),
                year == null || month == null ? null : YearMonth.of(year, month),
                instant(row, "saved_at"));
    }
}
