package org.payengine.application.port;

import java.util.List;
import java.util.Optional;

/**
 * Verified notifications as received, keyed by their dedup key, in the same transaction as the facts they
 * carried (see {@link Transactions}). A resent notification whose key is {@link InboxEntry.InboxStatus#PROCESSED}
 * is acknowledged without applying anything again. Thread-safe.
 */
public interface NotificationInbox {

    Optional<InboxEntry> find(String dedupKey);

    /** Stores the entry, replacing the entry with the same dedup key (an unmatched one that now matched). */
    void record(InboxEntry entry);

    /** Entries still {@link InboxEntry.InboxStatus#UNMATCHED}, oldest first, for replay. */
    List<InboxEntry> findUnmatched(int limit);
}
