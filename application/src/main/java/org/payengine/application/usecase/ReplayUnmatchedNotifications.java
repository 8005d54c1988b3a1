package org.payengine.application.usecase;

import jakarta.inject.Inject;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.Transactions;

/**
 * Tries the notifications that could not be placed when they arrived again (for a worker, after Antom has
 * stopped resending them): each is verified and applied exactly as when it was received, and becomes processed
 * once every fact in it found its payment.
 */
public final class ReplayUnmatchedNotifications {

    private final Transactions transactions;
    private final NotificationInbox inbox;
    private final HandleNotification handleNotification;

    @Inject
    public ReplayUnmatchedNotifications(Transactions transactions, NotificationInbox inbox,
                                        HandleNotification handleNotification) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.handleNotification = handleNotification;
    }

    /** @return how many of the oldest {@code limit} unmatched notifications are processed now */
    public int replay(int limit) {
        int processed = 0;
        for (InboxEntry entry : transactions.inTransaction(() -> inbox.findUnmatched(limit))) {
            if (handleNotification.handle(entry.notification()) instanceof HandleNotification.Handling.Acknowledge) {
                processed++;
            }
        }
        return processed;
    }
}
