package org.payengine.application.testing;

import java.time.Instant;
import java.util.Random;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.usecase.ApplyPaymentFacts;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.CloseOrder;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.GetRefund;
import org.payengine.application.usecase.ReplayUnmatchedNotifications;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.usecase.WarnCaptureDeadline;

/**
 * Every use case wired to in-memory ports, a test clock, predictable ids and the fake gateway: the whole
 * engine without a database, a network or Antom. For tests of the use cases and of inbound adapters.
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
    public final RecordingEventSink sink = new RecordingEventSink();

    public final CreateOrGetOrder createOrGetOrder = new CreateOrGetOrder(transactions, orders, clock);
    public final StartPayment startPayment = new StartPayment(transactions, orders, cardTokens, gateway, ids, clock);
    public final ApplyPaymentFacts applyPaymentFacts = new ApplyPaymentFacts(transactions, orders, cardTokens, clock);
    public final SyncPayment syncPayment = new SyncPayment(transactions, orders, cardTokens, gateway, clock);
    public final CapturePayment capturePayment = new CapturePayment(transactions, orders, cardTokens, gateway, ids, clock);
    public final RefundPayment refundPayment = new RefundPayment(transactions, orders, cardTokens, gateway, ids, clock);
    public final GetRefund getRefund = new GetRefund(transactions, orders);
    public final CancelPayment cancelPayment = new CancelPayment(transactions, orders, cardTokens, gateway, clock);
    public final CloseOrder closeOrder = new CloseOrder(transactions, orders, clock);
    public final ListPaymentMethods listPaymentMethods = new ListPaymentMethods(gateway);
    public final GetOrder getOrder = new GetOrder(transactions, orders);
    public final GetPayment getPayment = new GetPayment(transactions, orders);
    public final ListOrders listOrders = new ListOrders(orderListing);
    public final RemediateDuplicate remediateDuplicate =
            new RemediateDuplicate(transactions, orders, cardTokens, gateway, ids, clock);
    /** Without jitter: a refused event is offered again exactly {@link PublishEvents#RETRY_AFTER} later, then doubling. */
    public final PublishEvents publishEvents = new PublishEvents(outbox, sink, clock,
            new Backoff(PublishEvents.RETRY_AFTER, PublishEvents.RETRY.max(), 0), PublishEvents.MAX_ATTEMPTS, new Random(1));
    public final WarnCaptureDeadline warnCaptureDeadline = new WarnCaptureDeadline(transactions, orders, clock);

    /** The notification use case over a decoder of the test's choice (the real one lives in the Antom adapter). */
    public HandleNotification handleNotification(NotificationDecoder decoder) {
        return new HandleNotification(decoder, transactions, inbox, orders, cardTokens, clock);
    }

    /** The replay of unmatched notifications over a decoder of the test's choice. */
    public ReplayUnmatchedNotifications replayUnmatchedNotifications(NotificationDecoder decoder) {
        return new ReplayUnmatchedNotifications(transactions, inbox, handleNotification(decoder));
    }
}
