package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.RawNotification;

/**
 * Notifications in {@code notifications}: the exact body bytes Antom signed, the request line and
 * headers, and what became of them. Only verified notifications are stored.
 */
final class JdbiNotificationInbox implements NotificationInbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final String VERIFIED = "VERIFIED";
    private static final String ONE_ENTRY_PER_DEDUP_KEY = "notifications_dedup_key_unique";
    private static final Object LOOKED_UP = new Object();

    private final JdbiTransactions transactions;

    JdbiNotificationInbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<InboxEntry> find(String dedupKey) {
        return transactions.withHandle(handle -> {
            Optional<InboxEntry> found = handle.createQuery("SELECT * FROM notifications WHERE dedup_key = ?")
                    .bind(0, dedupKey)
                    .map((row, context) -> entry(row))
                    .findFirst();
            lookedUp().put(dedupKey, found.isPresent());
            return found;
        });
    }

    /**
     * Writes the entry with one statement when this transaction looked its key up (the usual find, then record): an
     * {@code INSERT} when it was absent, an {@code UPDATE} when present. A row stored meanwhile by another transaction
     * makes the insert fail on the unique key, and the unit of work runs again, as when two inserts collide.
     */
    @Override
    public void record(InboxEntry entry) {
        transactions.withHandle(handle -> {
            Boolean stored = lookedUp().get(entry.dedupKey());
            if (Boolean.FALSE.equals(stored)) {
                insert(handle, entry);
                lookedUp().put(entry.dedupKey(), true);
                return null;
            }
            Update update = handle.createUpdate("""
                    UPDATE notifications SET method = :method, path = :path, raw_headers = :headers, body = :body,
                        received_at = :receivedAt, processed_at = :processedAt, outcome = :status,
                        outcome_detail = :note, verification = :verification
                    WHERE dedup_key = :dedupKey""");
            bind(update, entry);
            if (update.execute() == 0) {
                insert(handle, entry);
            }
            lookedUp().put(entry.dedupKey(), true);
            return null;
        });
    }

    private static void insert(Handle handle, InboxEntry entry) {
        Update insert = handle.createUpdate("""
                INSERT INTO notifications (dedup_key, method, path, raw_headers, body, received_at, processed_at,
                    outcome, outcome_detail, verification)
                VALUES (:dedupKey, :method, :path, :headers, :body, :receivedAt, :processedAt, :status, :note,
                    :verification)""");
        bind(insert, entry);
        try {
            insert.execute();
        } catch (RuntimeException failure) {
            // Two copies of one notification arrived together and the other stored it first: the unit
            // of work runs again, finds the stored entry and answers as it did (nothing applied twice).
            throw DatabaseFailures.conflictIfViolates(failure, ONE_ENTRY_PER_DEDUP_KEY,
                    "another writer stored the notification " + entry.dedupKey() + " first");
        }
    }

    /** Whether a row was found, by dedup key, for each key this transaction looked up or wrote. */
    private Map<String, Boolean> lookedUp() {
        return transactions.transactionState(LOOKED_UP, HashMap::new);
    }

    @Override
    public List<InboxEntry> findUnmatched(int limit) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM notifications WHERE outcome = :status ORDER BY received_at, id LIMIT :limit""")
                .bind("status", InboxEntry.InboxStatus.UNMATCHED.name())
                .bind("limit", limit)
                .map((row, context) -> entry(row))
                .list());
    }

    private static void bind(Update statement, InboxEntry entry) {
        RawNotification notification = entry.notification();
        statement.bind("dedupKey", entry.dedupKey())
                .bind("method", notification.method())
                .bind("path", notification.path())
                .bind("headers", JsonDocuments.write(notification.headers()))
                .bind("body", notification.body())
                .bind("status", entry.status().name())
                .bind("note", entry.note())
                .bind("verification", VERIFIED);
        bindInstant(statement, "receivedAt", entry.receivedAt());
        bindInstant(statement, "processedAt", entry.processedAt());
    }

    private static InboxEntry entry(ResultSet row) throws SQLException {
        RawNotification notification = new RawNotification(row.getString("method"), row.getString("path"),
                JsonDocuments.read(row.getString("raw_headers"), HEADERS), row.getBytes("body"),
                instant(row, "received_at"));
        return new InboxEntry(row.getString("dedup_key"), notification,
                InboxEntry.InboxStatus.valueOf(row.getString("outcome")), instant(row, "received_at"),
                instant(row, "processed_at"), row.getString("outcome_detail"));
    }
}
