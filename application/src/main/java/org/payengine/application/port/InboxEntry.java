package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.Text;

/**
 * A verified notification as PayEngine received it and what became of it. Only notifications whose
 * signature verified are stored (a forged one changes nothing, not even the inbox).
 *
 * @param dedupKey     the decoder's key for this notification across Antom's resends
 * @param notification the raw notification, kept so an unmatched one can be decoded and applied again later
 * @param processedAt  when its facts were applied, {@code null} while {@link InboxStatus#UNMATCHED}
 * @param note         a few words on the outcome, e.g. why it did not match
 */
public record InboxEntry(String dedupKey, RawNotification notification, InboxStatus status, Instant receivedAt,
                         Instant processedAt, String note) {

    public InboxEntry {
        dedupKey = Text.required("dedupKey", dedupKey, 256);
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (status == InboxStatus.PROCESSED && processedAt == null) {
            throw new IllegalArgumentException("a processed notification has its processing time");
        }
        note = Text.tidied(note, 1024);
    }

    /** What became of a stored notification. */
    public enum InboxStatus {
        /** Its facts were applied (or were known already). */
        PROCESSED,
        /** It is about a payment, capture or refund PayEngine does not know (yet); kept for replay. */
        UNMATCHED
    }
}
