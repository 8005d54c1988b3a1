package org.payengine.bootstrap.wiring;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.application.port.Transactions;
import org.payengine.bootstrap.embedded.EngineStores;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.RefundFact;

/**
 * Test-only crash points, for the crash-and-restart tests of the runnable jar: with the system property
 * {@value #PROPERTY} set to a point's name, the engine stops dead the first time it reaches that point — it prints
 * {@code PAYENGINE CRASH POINT <name>} and freezes the thread there for good, so that a test can kill the process
 * ({@code kill -9}) at exactly that moment. Without the property nothing is wrapped and nothing changes.
 */
final class CrashPoints {

    static final String PROPERTY = "payengine.crashPoint";

    /** Where the engine can be made to stop. */
    enum Point {
        /** Antom has answered the pay call, but the answer is not stored yet: the attempt is still {@code INITIATED}. */
        AFTER_PAY_CALL("after-pay-call"),
        /** A notification's facts are committed, but Antom has not been acknowledged yet. */
        AFTER_NOTIFICATION_STORED("after-notification-stored");

        private final String name;

        Point(String name) {
            this.name = name;
        }
    }

    private CrashPoints() {
    }

    /** The gateway, stopping dead after the first pay call when that crash point is armed. */
    static PaymentGateway wrap(PaymentGateway gateway) {
        return armed(Point.AFTER_PAY_CALL) ? new StopAfterPay(gateway) : gateway;
    }

    /** The stores, stopping dead once a notification is committed when that crash point is armed. */
    static EngineStores wrap(EngineStores stores) {
        if (!armed(Point.AFTER_NOTIFICATION_STORED)) {
            return stores;
        }
        ThreadLocal<Boolean> recorded = ThreadLocal.withInitial(() -> false);
        NotificationInbox inbox = new NotificationInbox() {
            @Override
            public Optional<InboxEntry> find(String dedupKey) {
                return stores.notificationInbox().find(dedupKey);
            }

            @Override
            public void record(InboxEntry entry) {
                stores.notificationInbox().record(entry);
                recorded.set(entry.status() == InboxEntry.InboxStatus.PROCESSED);
            }

            @Override
            public List<InboxEntry> findUnmatched(int limit) {
                return stores.notificationInbox().findUnmatched(limit);
            }
        };
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                T result = stores.transactions().inTransaction(work);
                if (recorded.get()) {
                    recorded.set(false);
                    stop(Point.AFTER_NOTIFICATION_STORED);
                }
                return result;
            }
        };
        return new EngineStores(transactions, stores.orders(), stores.auditLog(), stores.outbox(), inbox,
                stores.cardTokens(), stores.orderListing(), stores.dueWork());
    }

    private static boolean armed(Point point) {
        return point.name.equals(System.getProperty(PROPERTY));
    }

    /** Says where it stopped, then waits for the kill that the test sends. */
    private static void stop(Point point) {
        @SuppressWarnings("resource") // the process's own standard output, never closed
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("PAYENGINE CRASH POINT " + point.name);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real gateway, but the first pay call's answer never gets back to the engine. */
    private static final class StopAfterPay implements PaymentGateway {
        private final PaymentGateway gateway;

        StopAfterPay(PaymentGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public GatewayOutcome<PaymentFact> pay(PaymentRequest request) {
            gateway.pay(request);
            stop(Point.AFTER_PAY_CALL);
            return GatewayOutcome.unknown("stopped at a crash point", false);
        }

        @Override
        public GatewayOutcome<List<Fact>> inquirePayment(PaymentInquiry inquiry) {
            return gateway.inquirePayment(inquiry);
        }

        @Override
        public GatewayOutcome<CaptureFact> capture(CaptureRequest request) {
            return gateway.capture(request);
        }

        @Override
        public GatewayOutcome<PaymentCancelled> cancel(CancelRequest request) {
            return gateway.cancel(request);
        }

        @Override
        public GatewayOutcome<RefundFact> refund(RefundRequest request) {
            return gateway.refund(request);
        }

        @Override
        public GatewayOutcome<RefundFact> inquireRefund(RefundInquiry inquiry) {
            return gateway.inquireRefund(inquiry);
        }

        @Override
        public GatewayOutcome<List<PaymentMethodOption>> consult(ConsultRequest request) {
            return gateway.consult(request);
        }
    }
}
