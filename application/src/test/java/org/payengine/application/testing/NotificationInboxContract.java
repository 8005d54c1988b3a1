package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.InboxEntry.InboxStatus;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.RawNotification;
import org.payengine.application.port.Transactions;

/** What every {@link NotificationInbox} must do: keep notifications byte for byte, by dedup key, transactionally. */
public abstract class NotificationInboxContract {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    protected abstract NotificationInbox inbox();

    protected abstract Transactions transactions();

    @Test
    public void a_notification_is_kept_exactly_as_received() {
        byte[] body = "{\"notifyType\":\"PAYMENT_RESULT\",\"text\":\"caf\u00e9 \u2713\"}".getBytes(StandardCharsets.UTF_8);
        RawNotification raw = new RawNotification("POST", "/notifications/antom",
                Map.of("Signature", "algorithm=RSA256,keyVersion=1,signature=abc%2B", "client-id", "SANDBOX_1",
                        "request-time", "2025-03-01T18:00:00+08:00"), body, T0);
        InboxEntry entry = new InboxEntry(key(), raw, InboxStatus.PROCESSED, T0, T0.plusSeconds(1), "APPLIED");

        transactions().run(() -> inbox().record(entry));

        InboxEntry found = transactions().inTransaction(() -> inbox().find(entry.dedupKey())).orElseThrow();
        assertEquals(entry, found);
        assertArrayEquals(body, found.notification().body());
        assertEquals("algorithm=RSA256,keyVersion=1,signature=abc%2B", found.notification().header("signature").orElseThrow());
    }

    @Test
    public void an_unmatched_notification_is_listed_for_replay_until_it_is_processed() {
        InboxEntry unmatched = new InboxEntry(key(), raw(), InboxStatus.UNMATCHED, T0, null, "no order knows it");
        transactions().run(() -> inbox().record(unmatched));
        assertTrue(unmatchedKeys().contains(unmatched.dedupKey()));

        transactions().run(() -> inbox().record(new InboxEntry(unmatched.dedupKey(), unmatched.notification(),
                InboxStatus.PROCESSED, T0, T0.plusSeconds(60), "APPLIED")));

        assertFalse(unmatchedKeys().contains(unmatched.dedupKey()));
        assertEquals(InboxStatus.PROCESSED,
                transactions().inTransaction(() -> inbox().find(unmatched.dedupKey())).orElseThrow().status());
    }

    @Test
    public void unmatched_notifications_are_listed_oldest_first() {
        InboxEntry later = new InboxEntry(key(), raw(), InboxStatus.UNMATCHED, T0.plusSeconds(10), null, null);
        InboxEntry earlier = new InboxEntry(key(), raw(), InboxStatus.UNMATCHED, T0, null, null);
        transactions().run(() -> {
            inbox().record(later);
            inbox().record(earlier);
        });

        List<String> keys = unmatchedKeys();
        assertTrue(keys.indexOf(earlier.dedupKey()) < keys.indexOf(later.dedupKey()));
    }

    @Test
    public void nothing_is_kept_when_the_transaction_fails() {
        InboxEntry entry = new InboxEntry(key(), raw(), InboxStatus.PROCESSED, T0, T0, null);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            inbox().record(entry);
            throw new IllegalStateException("failed after recording");
        }));

        assertTrue(transactions().inTransaction(() -> inbox().find(entry.dedupKey())).isEmpty());
    }

    private List<String> unmatchedKeys() {
        return transactions().inTransaction(() -> inbox().findUnmatched(10_000)).stream().map(InboxEntry::dedupKey).toList();
    }

    private static String key() {
        return "PAYMENT_RESULT/" + UUID.randomUUID();
    }

    private static RawNotification raw() {
        return new RawNotification("POST", "/notifications/antom", Map.of("client-id", "SANDBOX_1"),
                "{}".getBytes(StandardCharsets.UTF_8), T0);
    }
}
