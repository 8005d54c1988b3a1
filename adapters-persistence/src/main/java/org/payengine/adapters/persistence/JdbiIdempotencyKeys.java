package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.nullableInt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.RecordedAnswer;
import org.payengine.application.port.RememberedRequest;

/**
 * Idempotency keys in {@code idempotency_keys} (V20): the primary key on (scope, key) lets one insert win; every
 * other write is conditional on the claim token the caller holds, so a lost race changes nothing and is told by
 * the count of rows written.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbiTransactions transactions;

    JdbiIdempotencyKeys(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<RememberedRequest> find(IdempotencyKey key) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key""")
                .bind("scope", key.scope())
                .bind("key", key.value())
                .map((row, context) -> remembered(row))
                .findFirst());
    }

    @Override
    public boolean insert(RememberedRequest claimed) {
        try {
            return transactions.withHandle(handle -> bind(handle.createUpdate("""
                    INSERT INTO idempotency_keys (scope, idempotency_key, request_fingerprint, claim_token, created_at,
                        expires_at, claimed_until, answer_status, answer_location, answer_body)
                    VALUES (:scope, :key, :fingerprint, :token, :createdAt, :expiresAt, :claimedUntil, :status,
                        :location, :body)"""), claimed).execute() == 1);
        } catch (RuntimeException failure) {
            // the primary key is the table's only unique constraint (H2 names it after its index, not its name)
            if (DatabaseFailures.sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent()) {
                return false; // another request claimed the key first; its transaction, not ours, holds the row
            }
            throw failure;
        }
    }

    @Override
    public boolean replace(String expectedClaimToken, RememberedRequest next) {
        return transactions.withHandle(handle -> bind(handle.createUpdate("""
                UPDATE idempotency_keys SET request_fingerprint = :fingerprint, claim_token = :token,
                    created_at = :createdAt, expires_at = :expiresAt, claimed_until = :claimedUntil,
                    answer_status = :status, answer_location = :location, answer_body = :body
                WHERE scope = :scope AND idempotency_key = :key AND claim_token = :expectedToken"""), next)
                .bind("expectedToken", expectedClaimToken)
                .execute() == 1);
    }

    @Override
    public boolean answer(RememberedRequest answered) {
        return transactions.withHandle(handle -> bind(handle.createUpdate("""
                UPDATE idempotency_keys SET claimed_until = NULL, answer_status = :status,
                    answer_location = :location, answer_body = :body
                WHERE scope = :scope AND idempotency_key = :key AND claim_token = :token
                  AND answer_status IS NULL"""), answered).execute() == 1);
    }

    @Override
    public void release(IdempotencyKey key, String claimToken) {
        transactions.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM idempotency_keys
                        WHERE scope = :scope AND idempotency_key = :key AND claim_token = :token
                          AND answer_status IS NULL""")
                .bind("scope", key.scope())
                .bind("key", key.value())
                .bind("token", claimToken)
                .execute());
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        return transactions.withHandle(handle -> bindInstant(handle.createUpdate("""
                        DELETE FROM idempotency_keys WHERE (scope, idempotency_key) IN (
                            SELECT scope, idempotency_key FROM idempotency_keys WHERE expires_at < :now
                            ORDER BY expires_at LIMIT :limit)"""), "now", now)
                .bind("limit", limit)
                .execute());
    }

    private static Update bind(Update statement, RememberedRequest request) {
        RecordedAnswer answer = request.answer();
        statement.bind("scope", request.key().scope())
                .bind("key", request.key().value())
                .bind("fingerprint", request.fingerprint())
                .bind("token", request.claimToken())
                .bindByType("status", answer == null ? null : answer.status(), Integer.class)
                .bind("location", answer == null ? null : answer.location())
                .bindByType("body", answer == null ? null : answer.body(), byte[].class);
        bindInstant(statement, "createdAt", request.createdAt());
        bindInstant(statement, "expiresAt", request.expiresAt());
        return bindInstant(statement, "claimedUntil", request.claimedUntil());
    }

    private static RememberedRequest remembered(ResultSet row) throws SQLException {
        Integer status = nullableInt(row, "answer_status");
        RecordedAnswer answer = status == null ? null
                : new RecordedAnswer(status, row.getString("answer_location"), row.getBytes("answer_body"));
        return new RememberedRequest(new IdempotencyKey(row.getString("scope"), row.getString("idempotency_key")),
                row.getString("request_fingerprint"), row.getString("claim_token"), instant(row, "created_at"),
                instant(row, "expires_at"), instant(row, "claimed_until"), answer);
    }
}
