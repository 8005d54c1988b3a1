package org.payengine.application.testing;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.Random;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.SettleRefunds;
import org.payengine.application.usecase.UseCases;
import org.payengine.application.usecase.WarnCaptureDeadline;

/**
 * The use cases over ports of the test's choosing, built by Dagger from their {@code @Inject} constructors exactly as
 * the engines' components build them: {@link InMemoryEngine#wiring()} fills every port with its in-memory twin, a
 * test replaces the ones it needs to (a store that fails, a gateway in front of the fake one).
 */
@Singleton
@Component(modules = InMemoryComponent.Predictable.class)
public interface InMemoryComponent extends UseCases {

    /** Raises "capture deadline near" for one authorization; the capture guard's step, for tests of it alone. */
    WarnCaptureDeadline warnCaptureDeadline();

    /** The node's call budget the use cases share: it admits every call (the tests of pacing build their own). */
    CallBudget callBudget();

    /** The refunds' settling step, which the refund follow-up takes. */
    SettleRefunds settleRefunds();

    /** What the tests want predictable that the engines spread at random. */
    @Module
    interface Predictable {

        /** Without jitter: a refused event is offered again exactly {@link PublishEvents#RETRY_AFTER} later, then doubling. */
        @Provides
        static PublishEvents publishEvents(Outbox outbox, EventSink sink, Clock clock) {
            return new PublishEvents(outbox, sink, clock, new Backoff(PublishEvents.RETRY_AFTER,
                    PublishEvents.RETRY.max(), 0), PublishEvents.MAX_ATTEMPTS, new Random(1));
        }

        /** Every call admitted at once, so that no test waits on pacing by accident. */
        @Provides
        static AntomPacing pacing() {
            return AntomPacing.UNLIMITED;
        }

        @Provides
        static BuyerLooks buyerLooks() {
            return BuyerLooks.DEFAULT;
        }
    }

    @Component.Builder
    interface Builder {

        @BindsInstance
        Builder transactions(Transactions transactions);

        @BindsInstance
        Builder orders(Orders orders);

        @BindsInstance
        Builder auditLog(AuditLog auditLog);

        @BindsInstance
        Builder outbox(Outbox outbox);

        @BindsInstance
        Builder dueWork(DueWork dueWork);

        @BindsInstance
        Builder notificationInbox(NotificationInbox inbox);

        @BindsInstance
        Builder cardTokens(CardTokens cardTokens);

        @BindsInstance
        Builder orderListing(OrderListing orderListing);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder ids(IdGenerator ids);

        @BindsInstance
        Builder paymentGateway(PaymentGateway gateway);

        @BindsInstance
        Builder notificationDecoder(NotificationDecoder decoder);

        @BindsInstance
        Builder eventSink(EventSink sink);

        InMemoryComponent build();
    }
}
