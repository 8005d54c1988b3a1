package org.payengine.application.testing;

import java.time.Instant;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ReplayUnmatchedNotifications;

/**
 * The whole engine without a database, a network or Antom: in-memory ports, a test clock, predictable ids, the fake
 * gateway and a fake notification decoder, and {@link #useCases} built on them by Dagger from the same list of use
 * cases the engines have. For tests of the use cases and of inbound adapters.
 */
public final class InMemoryEngine {

    public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    public final InMemoryDatabase database = new InMemoryDatabase();
    public final InMemoryTransactions transactions = new InMemoryTransactions(database);
    public final InMemoryOrders orders = new InMemoryOrders(database);
    public final InMemoryAuditLog auditLog = new InMemoryAuditLog(database);
    public final InMemoryOutbox outbox = new InMemoryOutbox(database);
    public final InMemoryDueWork dueWork = new InMemoryDueWork(database);
    public final InMemoryNotificationInbox inbox = new InMemoryNotificationInbox(database);
    public final InMemoryCardTokens cardTokens = new InMemoryCardTokens(database);
    public final InMemoryOrderListing orderListing = new InMemoryOrderListing(database);
    public final TestClock clock = new TestClock(START);
    public final SequentialIds ids = new SequentialIds();
    public final FakePaymentGateway gateway = new FakePaymentGateway(clock);
    public final FakeNotificationDecoder decoder = new FakeNotificationDecoder();
    public final RecordingEventSink sink = new RecordingEventSink();

    /** Every use case, on the ports above. */
    public final InMemoryComponent useCases = wiring().build();

    /** The use cases' wiring with every port above filled in; a test replaces the ones it needs to, then builds. */
    public InMemoryComponent.Builder wiring() {
        return DaggerInMemoryComponent.builder()
                .transactions(transactions)
                .orders(orders)
                .auditLog(auditLog)
                .outbox(outbox)
                .dueWork(dueWork)
                .notificationInbox(inbox)
                .cardTokens(cardTokens)
                .orderListing(orderListing)
                .clock(clock)
                .ids(ids)
                .paymentGateway(gateway)
                .notificationDecoder(decoder)
                .eventSink(sink);
    }

    /** The notification use case over a decoder of the test's choice (the real one lives in the Antom adapter). */
    public HandleNotification handleNotification(NotificationDecoder notificationDecoder) {
        return wiring().notificationDecoder(notificationDecoder).build().handleNotification();
    }

    /** The replay of unmatched notifications over a decoder of the test's choice. */
    public ReplayUnmatchedNotifications replayUnmatchedNotifications(NotificationDecoder notificationDecoder) {
        return new ReplayUnmatchedNotifications(transactions, inbox, handleNotification(notificationDecoder));
    }
}
