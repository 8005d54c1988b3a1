package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderFilter;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentCursor;
import org.payengine.application.port.PaymentFilter;
import org.payengine.application.port.PaymentSummary;
import org.payengine.application.port.Transactions;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * What every {@link OrderListing} must do, over the {@link Orders} it lists (sharing one database). The database
 * need not be empty: each test creates its orders with fresh ids inside a day of its own, centuries ahead, and walks
 * the listing from the end of that day until it has passed the day's start, looking at its own orders among any
 * others it meets.
 */
public abstract class OrderListingContract {

    private static final Money AMOUNT = Money.of("SGD", 4200);

    protected abstract OrderListing orderListing();

    protected abstract Orders orders();

    protected abstract Transactions transactions();

    private final String run = "listed-" + UUID.randomUUID().toString().replace('-', '_');
    /** Whole seconds, so that no store's precision changes the instants. */
    private final Instant dayStart = Instant.parse("2600-01-01T00:00:00Z")
            .plusSeconds(86_400L * ThreadLocalRandom.current().nextInt(100_000));
    private int created;

    @Test
    public void orders_are_listed_newest_first_each_once_a_full_page_at_a_time() {
        // saved in another order than they were created in: the listing goes by creation
        List<ReferenceOrderId> saved = new ArrayList<>();
        for (int second : new int[] {3, 0, 6, 1, 5, 2, 4}) {
            saved.add(save(Order.create(newOrderId(), AMOUNT, "book", Buyer.ANONYMOUS, List.of(), at(second))));
        }
        List<ReferenceOrderId> newestFirst = List.of(saved.get(2), saved.get(4), saved.get(6), saved.get(0),
                saved.get(5), saved.get(3), saved.get(1));

        List<List<OrderSummary>> pages = pagesThroughTheDay(3);

        assertEquals(newestFirst, ownIds(pages));
        for (List<OrderSummary> page : pages.subList(0, pages.size() - 1)) {
            assertEquals(3, page.size(), "only the last page may hold fewer than asked for");
        }
        assertNewestFirstAndEachOnce(pages);
    }

    @Test
    public void orders_created_at_the_same_instant_are_each_listed_once_and_always_in_the_same_order() {
        ReferenceOrderId newer = save(newOrder(at(20)));
        Set<ReferenceOrderId> tied = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            tied.add(save(newOrder(at(10))));
        }
        ReferenceOrderId older = save(newOrder(at(0)));

        List<ReferenceOrderId> inPagesOfTwo = ownIds(pagesThroughTheDay(2));
        List<ReferenceOrderId> inPagesOfThree = ownIds(pagesThroughTheDay(3));

        assertEquals(7, inPagesOfTwo.size(), () -> "each order once: " + inPagesOfTwo);
        assertEquals(newer, inPagesOfTwo.get(0));
        assertEquals(tied, Set.copyOf(inPagesOfTwo.subList(1, 6)));
        assertEquals(older, inPagesOfTwo.get(6));
        assertEquals(inPagesOfTwo, inPagesOfThree, "the order of ties does not depend on where pages break");
    }

    @Test
    public void a_summary_has_the_amount_the_status_the_creation_and_the_latest_attempts_status() {
        Order untried = Order.create(newOrderId(), Money.of("JPY", 1500), null, Buyer.ANONYMOUS, List.of(), at(30));
        Order retried = newOrder(at(20));
        PaymentRequestId declined = newAttemptId();
        retried.startAttempt(declined, options(CaptureMode.AUTOMATIC), at(21));
        retried.apply(new PaymentFailed(declined, null, ResultCode.of("DO_NOT_HONOR"), "declined"),
                FactSource.API_RESPONSE, at(22));
        retried.startAttempt(newAttemptId(), options(CaptureMode.AUTOMATIC), at(23));
        Order authorized = newOrder(at(10));
        PaymentRequestId paid = newAttemptId();
        PaymentId paymentId = PaymentId.of("antom-" + paid.value());
        authorized.startAttempt(paid, options(CaptureMode.MANUAL), at(11));
        authorized.apply(new PaymentInProcess(paid, paymentId, "https://antom.example/pay"), FactSource.API_RESPONSE,
                at(11));
        authorized.apply(new PaymentSucceeded(paid, paymentId, AMOUNT, at(12), null, CardFacts.NONE),
                FactSource.NOTIFICATION, at(12));
        save(untried);
        save(retried);
        save(authorized);

        assertEquals(List.of(
                        new OrderSummary(untried.id(), Money.of("JPY", 1500), OrderStatus.OPEN, at(30), null),
                        new OrderSummary(retried.id(), AMOUNT, OrderStatus.OPEN, at(20), AttemptStatus.INITIATED),
                        new OrderSummary(authorized.id(), AMOUNT, OrderStatus.AUTHORIZED, at(10), AttemptStatus.AUTHORIZED)),
                ownSummaries(pagesThroughTheDay(10)));
    }

    @Test
    public void a_summary_follows_its_order_as_it_changes() {
        ReferenceOrderId id = save(newOrder(at(5)));
        transactions().run(() -> {
            Order loaded = orders().findByReferenceOrderId(id).orElseThrow();
            loaded.startAttempt(newAttemptId(), options(CaptureMode.AUTOMATIC), at(6));
            orders().save(loaded);
        });
        transactions().run(() -> {
            Order loaded = orders().findByReferenceOrderId(id).orElseThrow();
            loaded.close("the buyer gave up", org.payengine.domain.audit.AuditSource.MERCHANT, at(7));
            orders().save(loaded);
        });

        assertEquals(List.of(new OrderSummary(id, AMOUNT, OrderStatus.CLOSED, at(5), AttemptStatus.INITIATED)),
                ownSummaries(pagesThroughTheDay(5)));
    }

    @Test
    public void without_a_cursor_the_listing_starts_at_the_newest_order() {
        Instant latestPossible = Instant.parse("9999-12-31T23:59:59Z");
        save(newOrder(latestPossible));

        List<OrderSummary> first = orderListing().newestFirst(null, 1);

        assertEquals(1, first.size());
        assertEquals(latestPossible, first.get(0).createdAt(), "nothing is newer than the newest order");
    }

    @Test
    public void after_the_oldest_order_the_listing_ends() {
        Order oldest = newOrder(Instant.parse("0001-01-01T00:00:00Z"));
        save(oldest);

        List<OrderSummary> last = orderListing().newestFirst(new OrderCursor(oldest.snapshot().createdAt().plusSeconds(1),
                newOrderId()), 10);

        assertEquals(List.of(oldest.id()), last.stream().map(OrderSummary::id).toList());
        assertTrue(orderListing().newestFirst(last.get(0).cursor(), 10).isEmpty());
    }

    @Test
    public void a_cursor_survives_its_text_form() {
        OrderCursor cursor = new OrderCursor(at(1).plusNanos(123_456_000), ReferenceOrderId.of("order 1/ä+~"));

        assertEquals(cursor, OrderCursor.ofToken(cursor.token()));
        assertFalse(cursor.token().contains("/"), "safe in a URL");
    }

    @Test
    public void orders_are_filtered_by_status_and_by_when_they_were_created() {
        ReferenceOrderId openEarly = save(newOrder(at(10)));
        Order closing = newOrder(at(20));
        closing.close("the buyer gave up", org.payengine.domain.audit.AuditSource.MERCHANT, at(21));
        ReferenceOrderId closed = save(closing);
        ReferenceOrderId authorized = save(authorizedOrder(at(30)));
        ReferenceOrderId openLate = save(newOrder(at(40)));

        assertEquals(List.of(openLate, openEarly), ownIdsOf(orderListing().newestFirst(
                new OrderFilter(Set.of(OrderStatus.OPEN), at(0), at(86_400)), null, 10)));
        assertEquals(List.of(authorized, closed), ownIdsOf(orderListing().newestFirst(
                new OrderFilter(Set.of(OrderStatus.AUTHORIZED, OrderStatus.CLOSED), at(0), at(86_400)), null, 10)));
        assertEquals(List.of(authorized, closed), ownIdsOf(orderListing().newestFirst(
                new OrderFilter(Set.of(), at(20), at(40)), null, 10)), "from is inclusive, to exclusive");
    }

    @Test
    public void a_filtered_listing_pages_by_its_cursor_like_the_whole_one() {
        List<ReferenceOrderId> closedNewestFirst = new ArrayList<>();
        for (int second = 0; second < 7; second++) {
            Order order = newOrder(at(second * 10));
            if (second % 2 == 0) {
                order.close("gave up", org.payengine.domain.audit.AuditSource.MERCHANT, at(second * 10 + 1));
                closedNewestFirst.add(0, order.id());
            }
            save(order);
        }
        OrderFilter closedOfTheDay = new OrderFilter(Set.of(OrderStatus.CLOSED), at(0), at(86_400));

        List<ReferenceOrderId> walked = new ArrayList<>();
        OrderCursor cursor = null;
        for (List<OrderSummary> page = orderListing().newestFirst(closedOfTheDay, null, 2); !page.isEmpty();
             page = orderListing().newestFirst(closedOfTheDay, cursor, 2)) {
            walked.addAll(ownIdsOf(page));
            cursor = page.get(page.size() - 1).cursor();
        }

        assertEquals(closedNewestFirst, walked);
    }

    @Test
    public void payments_of_every_order_are_listed_newest_first_by_status_and_review() {
        Order unknown = newOrder(at(10));
        PaymentRequestId timedOut = newAttemptId();
        unknown.startAttempt(timedOut, options(CaptureMode.AUTOMATIC), at(11));
        unknown.apply(new PaymentOutcomeUnknown(timedOut, "read timed out"), FactSource.API_RESPONSE, at(12));
        save(unknown);
        Order retried = newOrder(at(20));
        PaymentRequestId declined = newAttemptId();
        retried.startAttempt(declined, options(CaptureMode.AUTOMATIC), at(21));
        retried.apply(new PaymentFailed(declined, null, ResultCode.of("DO_NOT_HONOR"), "declined"),
                FactSource.API_RESPONSE, at(22));
        PaymentRequestId pending = newAttemptId();
        retried.startAttempt(pending, options(CaptureMode.AUTOMATIC), at(23));
        save(retried);
        Order contradicted = authorizedOrder(at(30));
        PaymentRequestId reviewed = contradicted.attempts().get(0).id();
        contradicted.apply(new PaymentFailed(reviewed, PaymentId.of("antom-" + reviewed.value()),
                ResultCode.of("PROCESS_FAIL"), "late failure"), FactSource.INQUIRY, at(33));
        save(contradicted);

        List<PaymentSummary> all = ownPayments(PaymentFilter.ALL);
        List<PaymentSummary> unknowns = ownPayments(new PaymentFilter(Set.of(AttemptStatus.UNKNOWN), false, null, null));
        List<PaymentSummary> needingReview = ownPayments(new PaymentFilter(Set.of(), true, null, null));
        List<PaymentSummary> awaiting = ownPayments(new PaymentFilter(
                Set.of(AttemptStatus.UNKNOWN, AttemptStatus.INITIATED), false, at(0), at(20)));

        assertEquals(List.of(reviewed, pending, declined, timedOut), all.stream().map(PaymentSummary::id).toList());
        assertEquals(new PaymentSummary(timedOut, unknown.id(), AttemptStatus.UNKNOWN, AMOUNT, at(11), false),
                unknowns.get(0));
        assertEquals(1, unknowns.size());
        assertEquals(List.of(reviewed), needingReview.stream().map(PaymentSummary::id).toList());
        assertTrue(needingReview.get(0).needsReview());
        assertEquals(AttemptStatus.AUTHORIZED, needingReview.get(0).status(), "a contradiction is not applied");
        assertEquals(List.of(timedOut), awaiting.stream().map(PaymentSummary::id).toList());
    }

    @Test
    public void a_payment_cursor_survives_its_text_form_and_is_no_order_cursor() {
        PaymentCursor cursor = new PaymentCursor(at(1).plusNanos(123_000), PaymentRequestId.of("pay 1/ä+~"));

        assertEquals(cursor, PaymentCursor.ofToken(cursor.token()));
        assertFalse(cursor.token().contains("/"), "safe in a URL");
        assertThrows(InvalidValueException.class, () -> PaymentCursor.ofToken(
                new OrderCursor(at(1), ReferenceOrderId.of("order-1")).token()));
        assertThrows(InvalidValueException.class, () -> PaymentCursor.ofToken("not a cursor"));
    }

    /** This test's attempts the filter admits, walked a page of two at a time through this test's day. */
    private List<PaymentSummary> ownPayments(PaymentFilter filter) {
        PaymentFilter ofTheDay = new PaymentFilter(filter.statuses(), filter.needsReview(),
                filter.createdFrom() != null ? filter.createdFrom() : dayStart,
                filter.createdTo() != null ? filter.createdTo() : dayStart.plusSeconds(86_400));
        List<PaymentSummary> walked = new ArrayList<>();
        PaymentCursor cursor = null;
        for (List<PaymentSummary> page = orderListing().paymentsNewestFirst(ofTheDay, null, 2); !page.isEmpty();
             page = orderListing().paymentsNewestFirst(ofTheDay, cursor, 2)) {
            assertTrue(page.size() <= 2);
            walked.addAll(page.stream().filter(payment -> payment.orderId().value().startsWith(run)).toList());
            cursor = page.get(page.size() - 1).cursor();
        }
        return walked;
    }

    private List<ReferenceOrderId> ownIdsOf(List<OrderSummary> page) {
        return page.stream().map(OrderSummary::id).filter(id -> id.value().startsWith(run)).toList();
    }

    private Order authorizedOrder(Instant createdAt) {
        Order order = newOrder(createdAt);
        PaymentRequestId paid = newAttemptId();
        PaymentId paymentId = PaymentId.of("antom-" + paid.value());
        order.startAttempt(paid, options(CaptureMode.MANUAL), createdAt.plusSeconds(1));
        order.apply(new PaymentInProcess(paid, paymentId, "https://antom.example/pay"), FactSource.API_RESPONSE,
                createdAt.plusSeconds(1));
        order.apply(new PaymentSucceeded(paid, paymentId, AMOUNT, createdAt.plusSeconds(2), null, CardFacts.NONE),
                FactSource.NOTIFICATION, createdAt.plusSeconds(2));
        return order;
    }

    /** Every page from the end of this test's day until one reaches before its start (or the listing ends). */
    private List<List<OrderSummary>> pagesThroughTheDay(int limit) {
        List<List<OrderSummary>> pages = new ArrayList<>();
        OrderCursor cursor = new OrderCursor(dayStart.plusSeconds(86_400), ReferenceOrderId.of("~"));
        while (true) {
            List<OrderSummary> page = orderListing().newestFirst(cursor, limit);
            assertTrue(page.size() <= limit, () -> "a page of " + page.size() + " for a limit of " + limit);
            pages.add(page);
            if (page.size() < limit || page.get(page.size() - 1).createdAt().isBefore(dayStart)) {
                return pages;
            }
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    private static void assertNewestFirstAndEachOnce(List<List<OrderSummary>> pages) {
        List<OrderSummary> all = pages.stream().flatMap(List::stream).toList();
        Set<ReferenceOrderId> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertTrue(seen.add(all.get(i).id()), "listed twice: " + all.get(i).id());
            if (i > 0) {
                assertFalse(all.get(i).createdAt().isAfter(all.get(i - 1).createdAt()),
                        () -> "not newest first: " + all);
            }
        }
    }

    private List<OrderSummary> ownSummaries(List<List<OrderSummary>> pages) {
        return pages.stream().flatMap(List::stream).filter(summary -> summary.id().value().startsWith(run)).toList();
    }

    private List<ReferenceOrderId> ownIds(List<List<OrderSummary>> pages) {
        return ownSummaries(pages).stream().map(OrderSummary::id).toList();
    }

    private ReferenceOrderId save(Order order) {
        transactions().run(() -> orders().save(order));
        return order.id();
    }

    private Instant at(int second) {
        return dayStart.plusSeconds(second);
    }

    private Order newOrder(Instant createdAt) {
        return Order.create(newOrderId(), AMOUNT, "two books", Buyer.ANONYMOUS, List.of(), createdAt);
    }

    private ReferenceOrderId newOrderId() {
        return ReferenceOrderId.of(run + "_" + (++created));
    }

    private static PaymentRequestId newAttemptId() {
        return PaymentRequestId.of("pay-" + UUID.randomUUID().toString().replace('-', '_'));
    }

    private static PaymentOptions options(CaptureMode mode) {
        return PaymentOptions.hostedCard("https://shop.example/back", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"))
                .captureMode(mode).build();
    }
}
