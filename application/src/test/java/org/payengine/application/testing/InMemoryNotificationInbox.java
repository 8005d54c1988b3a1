package org.payengine.application.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.InboxEntry.InboxStatus;
import org.payengine.application.port.NotificationInbox;

/** {@link NotificationInbox} in memory; writes join the current transaction. */
public final class InMemoryNotificationInbox implements NotificationInbox {

    private final InMemoryDatabase database;

    public InMemoryNotificationInbox(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<InboxEntry> find(String dedupKey) {
        return database.read(state -> Optional.ofNullable(state.inbox().get(dedupKey)));
    }

    @Override
    public void record(InboxEntry entry) {
        database.write(state -> state.withInboxEntry(entry));
    }

    @Override
    public List<InboxEntry> findUnmatched(int limit) {
        return database.read(state -> state.inbox().values().stream()
                .filter(entry -> entry.status() == InboxStatus.UNMATCHED)
                .sorted(Comparator.comparing(InboxEntry::receivedAt))
                .limit(limit).toList());
    }
}
