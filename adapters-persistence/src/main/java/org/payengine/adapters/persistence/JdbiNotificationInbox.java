package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JdbiTransactions transactions;

    JdbiNotificationInbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<InboxEntry> find(String dedupKey) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT * FROM notifications WHERE dedup_key = ?")
                .bind(0, dedupKey)
                .map((row, context) -> entry(row))
                .findFirst());
    }

    @Override
    public void record(InboxEntry entry) {
        transactions.withHandle(handle -> {
            Update update = handle.createUpdate("""
                    UPDATE notifications SET method = :method, path = :path, raw_headers = :headers, body = :body,
                        received_at = :receivedAt, processed_at = :processedAt, outcome = :status,
                        outcome_detail = :note, verification = :verification
                    WHERE dedup_key = :dedupKey""");
            bind(update, entry);
            if (update.execute() == 0) {
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
            return null;
        });
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
