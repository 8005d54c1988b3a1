package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Transactions;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Address;
import org.payengine.domain.order.BrowserInfo;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.OsType;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.PersonName;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * What every {@link Orders} store must do, with its {@link Transactions}, {@link Outbox} and {@link AuditLog}.
 * A store adapter proves itself by extending this class and returning its own ports (sharing one database);
 * the in-memory twin does the same. Every test uses fresh ids, so the database need not be empty.
 */
public abstract class OrdersContract {

    /** Ids and instants that make the stored state distinctive; times at microsecond precision, as SQL keeps them. */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    private static final Money AMOUNT = Money.of("SGD", 4200);

    protected abstract Orders orders();

    protected abstract Transactions transactions();

    protected abstract Outbox outbox();

    protected abstract AuditLog auditLog();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    protected ReferenceOrderId newOrderId() {
        return ReferenceOrderId.of("order-" + run + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected PaymentRequestId newAttemptId() {
        return PaymentRequestId.of("pay-" + UUID.randomUUID());
    }

    @Test
    public void a_new_order_is_saved_at_version_1_and_found_by_its_reference() {
        Order order = newOrder(newOrderId());

        transactions().run(() -> orders().save(order));

        OrderSnapshot found = load(order.id());
        assertEquals(1, found.version());
        assertEquals(order.snapshot().withVersion(1), found);
    }

    @Test
    public void every_part_of_an_order_survives_the_round_trip() {
        Order order = richOrder(newOrderId());
        transactions().run(() -> orders().save(order));

        assertEquals(order.snapshot().withVersion(1), load(order.id()));
    }

    @Test
    public void an_order_is_found_by_each_of_its_ids() {
        Order order = richOrder(newOrderId());
        transactions().run(() -> orders().save(order));
        PaymentAttempt captured = order.attempts().get(1);
        PaymentAttempt duplicate = order.attempts().get(2);

        transactions().run(() -> {
            assertEquals(order.id(), orders().findByPaymentRequestId(captured.id()).orElseThrow().id());
            assertEquals(order.id(), orders().findByPaymentId(captured.paymentId()).orElseThrow().id());
            assertEquals(order.id(), orders().findByCaptureRequestId(captured.capture().requestId()).orElseThrow().id());
            assertEquals(order.id(), orders().findByCaptureId(captured.capture().captureId()).orElseThrow().id());
            assertEquals(order.id(), orders().findByRefundRequestId(duplicate.refunds().get(0).requestId()).orElseThrow().id());
        });
    }

    @Test
    public void several_refunds_of_one_payment_are_kept_apart_found_by_their_ids_and_updated_one_by_one() {
        Order order = richOrder(newOrderId());
        transactions().run(() -> orders().save(order));
        PaymentAttempt captured = order.attempts().get(1);
        assertEquals(3, captured.refunds().size());

        RefundRequestId processing = captured.refunds().get(1).requestId();
        transactions().run(() -> {
            for (var refund : captured.refunds()) {
                assertEquals(order.id(), orders().findByRefundRequestId(refund.requestId()).orElseThrow().id());
            }
            Order loaded = orders().findByRefundRequestId(processing).orElseThrow();
            loaded.apply(new RefundSucceeded(processing, RefundId.of("antom-" + processing.value()), Money.of("SGD", 500),
                    T0.plusSeconds(900)), FactSource.NOTIFICATION, T0.plusSeconds(900));
            RefundRequestId rest = RefundRequestId.of("mref-4-" + captured.id().value());
            loaded.requestRefund(captured.id(), Money.of("SGD", 2700), null, rest, AuditSource.MERCHANT,
                    T0.plusSeconds(901));
            loaded.apply(new RefundSucceeded(rest, RefundId.of("antom-" + rest.value()), Money.of("SGD", 2700),
                    T0.plusSeconds(902)), FactSource.API_RESPONSE, T0.plusSeconds(902));
            orders().save(loaded);
        });

        OrderSnapshot stored = load(order.id());
        PaymentAttempt refunded = stored.attempt(captured.id()).orElseThrow();
        assertEquals(4, refunded.refunds().size());
        assertEquals(AMOUNT, refunded.refundedAmount());
        assertEquals(OrderStatus.REFUNDED, stored.status());
        assertEquals(captured.refunds().get(0), refunded.refunds().get(0), "the refunds not changed are kept as they were");
    }

    @Test
    public void unknown_ids_find_nothing() {
        transactions().run(() -> {
            assertTrue(orders().findByReferenceOrderId(newOrderId()).isEmpty());
            assertTrue(orders().findByPaymentRequestId(newAttemptId()).isEmpty());
            assertTrue(orders().findByPaymentId(PaymentId.of("no-such-" + UUID.randomUUID())).isEmpty());
            assertTrue(orders().findByCaptureRequestId(CaptureRequestId.of("no-such-" + UUID.randomUUID())).isEmpty());
            assertTrue(orders().findByCaptureId(CaptureId.of("no-such-" + UUID.randomUUID())).isEmpty());
            assertTrue(orders().findByRefundRequestId(RefundRequestId.of("no-such-" + UUID.randomUUID())).isEmpty());
        });
    }

    @Test
    public void an_update_writes_the_next_version() {
        ReferenceOrderId id = newOrderId();
        transactions().run(() -> orders().save(newOrder(id)));

        transactions().run(() -> {
            Order loaded = orders().findByReferenceOrderId(id).orElseThrow();
            loaded.startAttempt(newAttemptId(), PaymentOptions.hostedCard("https://shop.example/back",
                    TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).build(), T0);
            orders().save(loaded);
        });

        OrderSnapshot found = load(id);
        assertEquals(2, found.version());
        assertEquals(1, found.attempts().size());
    }

    @Test
    public void saving_a_stale_version_is_refused_with_a_concurrent_update() {
        ReferenceOrderId id = newOrderId();
        transactions().run(() -> orders().save(newOrder(id)));
        Order first = transactions().inTransaction(() -> orders().findByReferenceOrderId(id).orElseThrow());
        Order second = transactions().inTransaction(() -> orders().findByReferenceOrderId(id).orElseThrow());
        first.close("first writer", AuditSource.MERCHANT, T0);
        second.startAttempt(newAttemptId(), options(), T0);
        transactions().run(() -> orders().save(first));

        ConcurrentUpdateException conflict = assertThrows(ConcurrentUpdateException.class,
                () -> transactions().run(() -> orders().save(second)));

        assertEquals(id, conflict.orderId());
        assertEquals(OrderStatus.CLOSED, load(id).status());
        assertTrue(load(id).attempts().isEmpty());
    }

    @Test
    public void creating_an_order_that_exists_is_refused_with_a_concurrent_update() {
        ReferenceOrderId id = newOrderId();
        transactions().run(() -> orders().save(newOrder(id)));

        assertThrows(ConcurrentUpdateException.class, () -> transactions().run(() -> orders().save(newOrder(id))));
        assertEquals(1, load(id).version());
    }

    @Test
    public void events_and_audit_entries_are_stored_with_the_state() {
        ReferenceOrderId id = newOrderId();
        Order order = newOrder(id);
        PaymentRequestId attempt = newAttemptId();
        order.startAttempt(attempt, options(), T0);
        PaymentId paymentId = PaymentId.of("antom-" + attempt.value());
        order.apply(new PaymentInProcess(attempt, paymentId, "https://antom.example/x"), FactSource.API_RESPONSE, T0);
        order.apply(new PaymentSucceeded(attempt, paymentId, AMOUNT, T0, null, CardFacts.NONE), FactSource.NOTIFICATION,
                T0.plusSeconds(1));
        List<DomainEvent> events = List.copyOf(order.pendingEvents());
        List<AuditEntry> audit = List.copyOf(order.pendingAuditEntries());

        transactions().run(() -> orders().save(order));

        assertEquals(events, outbox().eventsOf(id));
        assertEquals(audit, auditLog().entriesFor(id));
        assertFalse(events.isEmpty());
    }

    @Test
    public void audit_entries_of_later_saves_follow_the_earlier_ones() {
        ReferenceOrderId id = newOrderId();
        Order order = newOrder(id);
        List<AuditEntry> expected = new ArrayList<>(order.pendingAuditEntries());
        transactions().run(() -> orders().save(order));

        List<AuditEntry> second = transactions().inTransaction(() -> {
            Order loaded = orders().findByReferenceOrderId(id).orElseThrow();
            loaded.close("not needed", AuditSource.MERCHANT, T0.plusSeconds(5));
            orders().save(loaded);
            return loaded.pendingAuditEntries();
        });
        expected.addAll(second);

        assertEquals(expected, auditLog().entriesFor(id));
    }

    @Test
    public void nothing_is_kept_when_the_transaction_fails() {
        ReferenceOrderId id = newOrderId();
        Order order = newOrder(id);
        order.close("about to fail", AuditSource.MERCHANT, T0);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            orders().save(order);
            throw new IllegalStateException("the unit of work failed after saving");
        }));

        transactions().run(() -> assertTrue(orders().findByReferenceOrderId(id).isEmpty()));
        assertTrue(outbox().eventsOf(id).isEmpty());
        assertTrue(auditLog().entriesFor(id).isEmpty());
    }

    @Test
    public void a_unit_of_work_that_meets_a_concurrent_update_runs_again_with_fresh_reads() {
        ReferenceOrderId id = newOrderId();
        transactions().run(() -> orders().save(newOrder(id)));
        AtomicInteger runs = new AtomicInteger();
        PaymentRequestId ours = newAttemptId();
        PaymentRequestId theirs = newAttemptId();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transactions().run(() -> {
                Order order = orders().findByReferenceOrderId(id).orElseThrow();
                if (runs.incrementAndGet() == 1) {
                    // another writer commits between our read and our save
                    await(other.submit(() -> transactions().run(() -> {
                        Order theirOrder = orders().findByReferenceOrderId(id).orElseThrow();
                        theirOrder.startAttempt(theirs, options(), T0);
                        orders().save(theirOrder);
                    })));
                }
                order.startAttempt(ours, options(), T0.plusSeconds(1));
                orders().save(order);
            });
        } finally {
            other.shutdownNow();
        }

        assertEquals(2, runs.get());
        OrderSnapshot stored = load(id);
        assertEquals(List.of(theirs, ours), stored.attempts().stream().map(PaymentAttempt::id).toList());
        assertEquals(3, stored.version());
    }

    @Test
    public void concurrent_writers_never_lose_an_update() {
        ReferenceOrderId id = newOrderId();
        transactions().run(() -> orders().save(newOrder(id)));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                PaymentRequestId attempt = newAttemptId();
                done.add(pool.submit(() -> {
                    start.await();
                    for (int tries = 0; ; tries++) {
                        try {
                            transactions().run(() -> {
                                Order order = orders().findByReferenceOrderId(id).orElseThrow();
                                order.startAttempt(attempt, options(), T0);
                                orders().save(order);
                            });
                            return null;
                        } catch (ConcurrentUpdateException exhausted) {
                            if (tries > 20) {
                                throw exhausted;
                            }
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                await(writer);
            }
        } finally {
            pool.shutdownNow();
        }

        OrderSnapshot stored = load(id);
        assertEquals(writers, stored.attempts().size());
        assertEquals(writers + 1, stored.version());
        assertEquals(writers + 1, auditLog().entriesFor(id).size());
    }

    // ---- test data ---------------------------------------------------------------------------------

    protected OrderSnapshot load(ReferenceOrderId id) {
        return transactions().inTransaction(() -> orders().findByReferenceOrderId(id).orElseThrow().snapshot());
    }

    protected static PaymentOptions options() {
        return PaymentOptions.hostedCard("https://shop.example/back", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"))
                .build();
    }

    protected static Order newOrder(ReferenceOrderId id) {
        return Order.create(id, AMOUNT, "Two coffees", Buyer.withId("buyer-1"), List.of(), T0);
    }

    /**
     * An order with every kind of part a store must keep: buyer details and goods, every payment option, a failed
     * attempt, a captured one with card facts, a captured duplicate being refunded, and a fact set aside for review.
     */
    protected Order richOrder(ReferenceOrderId id) {
        Buyer buyer = new Buyer(ReferenceBuyerId.of("buyer-" + run), new PersonName("Ada", "B.", "Lovelace", null),
                "ada@example.com", "+65 6000 0000");
        List<GoodsLine> goods = List.of(new GoodsLine("sku-1", "Coffee", Money.of("SGD", 1500), 2, "FOOD", "Kopi"),
                new GoodsLine("sku-2", "Cake", Money.of("SGD", 1200), 1, null, null));
        Order order = Order.create(id, AMOUNT, "Two coffees and a cake", buyer, goods, T0);
        TerminalEnvironment environment = new TerminalEnvironment(TerminalType.WAP, OsType.ANDROID, "203.0.113.7",
                "Mozilla/5.0", new BrowserInfo("text/html", false, true, "en-SG", "Mozilla/5.0"), "en", 480, 390, 844,
                24, "device-1", "cookie-1");
        PaymentOptions everything = PaymentOptions.hostedCard("https://shop.example/back", environment)
                .captureMode(CaptureMode.MANUAL).threeDS(true).expiresIn(Duration.ofMinutes(9))
                .notifyUrl("https://engine.example/notifications/antom").saveCard(true).selectedCardBrand("VISA")
                .installments(3)
                .billing(new Address("SG", null, "Singapore", "1 Main St", "#01-01", "123456"),
                        PersonName.of("Ada", "Lovelace"))
                .settlementCurrency(Currency.getInstance("USD")).build();
        PaymentOptions storedCard = PaymentOptions.hostedCard("https://shop.example/back", environment)
                .merchantInitiated(CardToken.of("tok-" + run), "nti-1").build();

        PaymentRequestId failed = newAttemptId();
        PaymentRequestId captured = newAttemptId();
        PaymentRequestId duplicate = newAttemptId();
        // all three start while the order is open (the buyer had two tabs); the third succeeds after the second
        order.startAttempt(failed, storedCard, T0);
        order.startAttempt(captured, everything, T0.plusSeconds(10));
        order.startAttempt(duplicate, options(), T0.plusSeconds(20));

        order.apply(new PaymentFailed(failed, null, ResultCode.of("DO_NOT_HONOR"), "declined"), FactSource.API_RESPONSE, T0);

        PaymentId capturedPayment = PaymentId.of("antom-" + captured.value());
        order.apply(new PaymentInProcess(captured, capturedPayment, "https://antom.example/pay/1"), FactSource.API_RESPONSE,
                T0.plusSeconds(11));
        CardFacts card = new CardFacts("VISA", MaskedCardNumber.of("405469******0768"), CardToken.of("tok-card-" + run),
                "CREDIT", "SG", YearMonth.of(2030, 12), "Y", "M", new ThreeDSResult("2.2.0", "05", "cavv", "ds-1"),
                "nti-" + run);
        order.apply(new PaymentSucceeded(captured, capturedPayment, AMOUNT, T0.plusSeconds(60),
                T0.plus(Duration.ofDays(6)), card), FactSource.NOTIFICATION, T0.plusSeconds(61));
        CaptureRequestId captureRequestId = CaptureRequestId.of("cap-" + captured.value());
        order.requestCapture(captured, AMOUNT, captureRequestId, AuditSource.MERCHANT, T0.plusSeconds(120));
        order.apply(new CaptureSucceeded(capturedPayment, captureRequestId, CaptureId.of("antom-cap-" + captured.value()),
                AMOUNT, T0.plusSeconds(125)), FactSource.API_RESPONSE, T0.plusSeconds(125));
        order.apply(new PaymentFailed(captured, capturedPayment, ResultCode.of("PROCESS_FAIL"), "contradiction"),
                FactSource.INQUIRY, T0.plusSeconds(130));
        // the merchant refunds part of it three times: one refunded, one still processing, one refused
        RefundRequestId refunded = RefundRequestId.of("mref-1-" + captured.value());
        order.requestRefund(captured, Money.of("SGD", 1000), "a cake was missing", refunded, AuditSource.MERCHANT,
                T0.plusSeconds(400));
        order.apply(new RefundSucceeded(refunded, RefundId.of("antom-mref-1-" + run), Money.of("SGD", 1000),
                T0.plusSeconds(401)), FactSource.API_RESPONSE, T0.plusSeconds(401));
        RefundRequestId processing = RefundRequestId.of("mref-2-" + captured.value());
        order.requestRefund(captured, Money.of("SGD", 500), null, processing, AuditSource.MERCHANT, T0.plusSeconds(402));
        order.apply(new RefundProcessing(processing, RefundId.of("antom-mref-2-" + run)), FactSource.API_RESPONSE,
                T0.plusSeconds(403));
        RefundRequestId refused = RefundRequestId.of("mref-3-" + captured.value());
        order.requestRefund(captured, Money.of("SGD", 200), "goodwill", refused, AuditSource.MERCHANT, T0.plusSeconds(404));
        order.apply(new RefundFailed(refused, ResultCode.of("REFUND_WINDOW_EXCEED"), "too late"), FactSource.NOTIFICATION,
                T0.plusSeconds(405));

        PaymentId duplicatePayment = PaymentId.of("antom-" + duplicate.value());
        order.apply(new PaymentInProcess(duplicate, duplicatePayment, null), FactSource.API_RESPONSE, T0.plusSeconds(21));
        order.apply(new CaptureSucceeded(duplicatePayment, CaptureRequestId.of("auto-" + duplicate.value()),
                CaptureId.of("antom-cap-" + duplicate.value()), AMOUNT, T0.plusSeconds(200)), FactSource.NOTIFICATION,
                T0.plusSeconds(200));
        order.refundDuplicateInstead(duplicate, RefundRequestId.of("ref-" + duplicate.value()),
                "cancel refused: CANCEL_WINDOW_EXCEED", AuditSource.WORKER, T0.plusSeconds(300));
        return order;
    }

    private static void await(Future<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new AssertionError("a concurrent writer failed", failed);
        }
    }
}
