package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.port.DueWork.Looks;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.WorkKind;

/**
 * What every {@link DueWork} store must do, with the {@link Orders} that keep its items in step: an item per kind
 * of work an attempt needs, added and removed by the order's save, claimed by one owner at a time under a lease,
 * rescheduled or released only by the claim that holds it. A store adapter proves itself by extending this class
 * (its ports sharing one database). Tests use fresh ids and filter their own items, so the database need not be
 * empty; the tests that depend on what else is due run at instants of their own, far in the past.
 */
public abstract class DueWorkContract {

    private static final Money AMOUNT = Money.of("SGD", 4200);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ALL = 10_000;

    protected abstract DueWork dueWork();

    protected abstract Orders orders();

    protected abstract Transactions transactions();

    /** An instant of this test's own, microsecond-precise, so items of other tests are not due before its items. */
    private final Instant t0 = Instant.parse("2000-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextLong(1_000_000_000L)).plusNanos(123_000);

    @Test
    public void an_attempt_whose_pay_outcome_is_unknown_is_due_for_a_look_from_when_it_was_initiated() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));

        assertEquals(Optional.of(t0), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
        assertEquals(List.of(attempt), attemptsOf(claimAll(WorkKind.PAYMENT_RESULT, t0, "node-a"), Set.of(attempt)));
    }

    @Test
    public void nothing_is_due_before_its_time() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));

        assertTrue(attemptsOf(claimAll(WorkKind.PAYMENT_RESULT, t0.minusMillis(1), "node-a"), Set.of(attempt)).isEmpty());
    }

    @Test
    public void each_kind_of_work_follows_the_state_of_the_attempt() {
        Order order = pending(CaptureMode.MANUAL);
        PaymentRequestId attempt = order.attempts().get(0).id();
        Instant authorizedAt = t0.plusSeconds(30);
        order.apply(new PaymentSucceeded(attempt, paymentIdOf(attempt), AMOUNT, authorizedAt, null, CardFacts.NONE),
                FactSource.NOTIFICATION, authorizedAt);
        transactions().run(() -> orders().save(order));

        assertEquals(Optional.empty(), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt), "the result is known");
        assertEquals(Optional.of(authorizedAt), dueWork().dueAt(WorkKind.CAPTURE_DEADLINE, attempt));
        assertEquals(Optional.empty(), dueWork().dueAt(WorkKind.CAPTURE_RESULT, attempt), "no capture requested");

        Instant requestedAt = t0.plusSeconds(60);
        change(attempt, loaded -> loaded.requestCapture(attempt, AMOUNT, CaptureRequestId.of("cap-" + UUID.randomUUID()),
                AuditSource.MERCHANT, requestedAt));
        assertEquals(Optional.of(requestedAt), dueWork().dueAt(WorkKind.CAPTURE_RESULT, attempt));
        assertEquals(Optional.of(authorizedAt), dueWork().dueAt(WorkKind.CAPTURE_DEADLINE, attempt));
    }

    @Test
    public void an_automatic_capture_is_awaited_after_the_authorization_and_a_duplicate_is_due_for_undoing() {
        Order order = pending(CaptureMode.AUTOMATIC);
        PaymentRequestId first = order.attempts().get(0).id();
        PaymentRequestId second = newAttemptId();
        order.startAttempt(second, options(CaptureMode.AUTOMATIC), t0);
        order.apply(new PaymentInProcess(second, paymentIdOf(second), null), FactSource.API_RESPONSE, t0);
        Instant paidAt = t0.plusSeconds(10);
        order.apply(new PaymentSucceeded(first, paymentIdOf(first), AMOUNT, paidAt, null, CardFacts.NONE),
                FactSource.NOTIFICATION, paidAt);
        order.apply(new PaymentSucceeded(second, paymentIdOf(second), AMOUNT, paidAt, null, CardFacts.NONE),
                FactSource.NOTIFICATION, paidAt);
        transactions().run(() -> orders().save(order));

        assertEquals(Optional.of(paidAt), dueWork().dueAt(WorkKind.CAPTURE_RESULT, first));
        assertEquals(Optional.empty(), dueWork().dueAt(WorkKind.DUPLICATE, first));
        assertEquals(Optional.of(t0), dueWork().dueAt(WorkKind.DUPLICATE, second),
                "due at once, on the engine's clock, whatever Antom's payment time says");
        assertEquals(Optional.of(paidAt), dueWork().dueAt(WorkKind.CAPTURE_RESULT, second));
    }

    @Test
    public void the_save_that_settles_an_attempt_removes_its_item_even_while_it_is_leased() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimAll(WorkKind.PAYMENT_RESULT, t0, "node-a").stream()
                .filter(c -> c.attempt().equals(attempt)).findFirst().orElseThrow();

        change(attempt, order -> order.apply(new PaymentFailed(attempt, paymentIdOf(attempt), ResultCode.of("DO_NOT_HONOR"),
                "declined"), FactSource.NOTIFICATION, t0.plusSeconds(5)));
        dueWork().reschedule(claim, t0.plusSeconds(10));

        assertEquals(Optional.empty(), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt),
                "a claim on a removed item does not bring it back");
    }

    @Test
    public void a_save_leaves_the_schedule_and_looks_of_an_item_it_still_needs_for_the_same_reason_alone() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");
        dueWork().reschedule(claim, t0.plusSeconds(40), Looks.scheduledLook());

        change(attempt, order -> order.raiseUnsettled(attempt, "TEST_REVIEW", "still unknown", t0.plusSeconds(3)));

        assertEquals(Optional.of(t0.plusSeconds(40)), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
        Claim again = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(40), "node-a");
        assertEquals(FollowUpReason.PAYMENT_OUTCOME_UNKNOWN, again.reason());
        assertEquals(t0, again.since());
        assertEquals(1, again.looks());
    }

    @Test
    public void a_new_reason_makes_the_item_over_due_from_its_own_instant_with_no_looks_taken() {
        PaymentRequestId attempt = saved(initiated());
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");
        assertEquals(FollowUpReason.PAY_CALL_UNANSWERED, claim.reason());
        dueWork().reschedule(claim, t0.plusSeconds(40), Looks.scheduledLook());

        change(attempt, order -> order.apply(new PaymentInProcess(attempt, paymentIdOf(attempt), "https://antom.example/p"),
                FactSource.INQUIRY, t0.plusSeconds(3)));

        Instant expiresAt = t0.plus(PaymentOptions.DEFAULT_EXPIRY);
        assertEquals(Optional.of(expiresAt), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
        Claim awaited = claimOne(WorkKind.PAYMENT_RESULT, attempt, expiresAt, "node-a");
        assertEquals(FollowUpReason.PAYMENT_NOTIFICATION_AWAITED, awaited.reason());
        assertEquals(expiresAt, awaited.since());
        assertEquals(0, awaited.looks());
    }

    @Test
    public void looks_are_counted_on_the_item_the_buyers_counted_down() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        assertTrue(dueWork().buyerReturned(attempt, t0.plusSeconds(1), t0.minusSeconds(3), 3, 2, t0.plusSeconds(5)));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(5), "node-a");
        assertEquals(2, claim.buyerLooksLeft());
        assertEquals(t0.plusSeconds(1), claim.lastBuyerLookAt());

        dueWork().reschedule(claim, t0.plusSeconds(9), Looks.buyerLook(t0.plusSeconds(5)));

        Claim next = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(9), "node-a");
        assertEquals(1, next.buyerLooksLeft());
        assertEquals(t0.plusSeconds(5), next.lastBuyerLookAt());
        assertEquals(0, next.looks());
    }

    @Test
    public void a_buyers_return_may_ask_once_per_quiet_period_and_up_to_the_most_returns() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");
        dueWork().reschedule(claim, t0.plus(Duration.ofHours(1)));
        Instant first = t0.plusSeconds(10);

        assertTrue(dueWork().buyerReturned(attempt, first, first.minusSeconds(4), 2, 2, first.plusSeconds(4)));
        assertEquals(Optional.of(first.plusSeconds(4)), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt),
                "the following look is brought forward");
        assertFalse(dueWork().buyerReturned(attempt, first.plusSeconds(2), first.minusSeconds(2), 2, 2,
                first.plusSeconds(6)), "the same return");
        assertTrue(dueWork().buyerReturned(attempt, first.plusSeconds(5), first.plusSeconds(1), 2, 2,
                first.plusSeconds(9)));
        assertFalse(dueWork().buyerReturned(attempt, first.plusSeconds(60), first.plusSeconds(56), 2, 2,
                first.plusSeconds(64)), "the returns are used up");
        assertFalse(dueWork().buyerReturned(newAttemptId(), first, first.minusSeconds(4), 2, 2, first.plusSeconds(4)),
                "no item, nothing to ask about");
    }

    @Test
    public void a_renewed_lease_keeps_the_item_until_the_renewal_runs_out() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");

        assertTrue(dueWork().renew(claim, t0.plus(LEASE).plus(LEASE)));

        assertTrue(attemptsOf(claimAll(WorkKind.PAYMENT_RESULT, t0.plus(LEASE).plusSeconds(1), "node-b"), Set.of(attempt))
                .isEmpty(), "renewed: not free when the first lease would have run out");
        Claim taken = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plus(LEASE).plus(LEASE).plusSeconds(1), "node-b");
        assertFalse(dueWork().renew(claim, t0.plus(Duration.ofHours(1))), "someone else holds it now");
        assertTrue(dueWork().renew(taken, t0.plus(Duration.ofHours(1))));
    }

    @Test
    public void a_claimed_item_is_not_handed_out_again_until_its_lease_runs_out() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim first = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");

        assertTrue(attemptsOf(claimAll(WorkKind.PAYMENT_RESULT, t0.plus(LEASE).minusMillis(1), "node-b"), Set.of(attempt))
                .isEmpty());
        Claim second = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plus(LEASE), "node-b");

        assertEquals(1, first.claims());
        assertEquals(2, second.claims());
        assertEquals("node-b", second.owner());
        assertEquals(t0.plus(LEASE), second.dueAt(), "a lease that ran out was due when it ended");
    }

    @Test
    public void a_rescheduled_item_is_due_again_at_its_next_check() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");

        dueWork().reschedule(claim, t0.plusSeconds(2));

        assertEquals(Optional.of(t0.plusSeconds(2)), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
        assertTrue(attemptsOf(claimAll(WorkKind.PAYMENT_RESULT, t0.plusSeconds(1), "node-b"), Set.of(attempt)).isEmpty());
        assertEquals(2, claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(2), "node-b").claims());
    }

    @Test
    public void a_released_item_is_due_again_as_it_was_before_the_claim() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim claim = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(5), "node-a");

        dueWork().release(claim);

        assertEquals(Optional.of(t0), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
        assertEquals(t0, claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plusSeconds(5), "node-b").dueAt());
    }

    @Test
    public void a_claim_taken_over_after_its_lease_ran_out_no_longer_holds() {
        PaymentRequestId attempt = saved(pending(CaptureMode.AUTOMATIC));
        Claim stale = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0, "node-a");
        Claim current = claimOne(WorkKind.PAYMENT_RESULT, attempt, t0.plus(LEASE), "node-b");

        dueWork().reschedule(stale, t0.plusSeconds(1));
        dueWork().release(stale);

        assertEquals(Optional.of(t0.plus(LEASE).plus(LEASE)), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt),
                "the current lease stands");
        dueWork().reschedule(current, t0.plus(LEASE).plusSeconds(2));
        assertEquals(Optional.of(t0.plus(LEASE).plusSeconds(2)), dueWork().dueAt(WorkKind.PAYMENT_RESULT, attempt));
    }

    @Test
    public void claims_hand_out_the_earliest_due_first_and_no_more_than_asked() {
        // earlier than any other test's items, so that only this test's items are due
        Instant before = Instant.parse("1980-01-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextLong(100_000_000L)).plusNanos(123_000);
        PaymentRequestId late = saved(pendingSince(before.plusSeconds(3)));
        PaymentRequestId early = saved(pendingSince(before.plusSeconds(1)));
        PaymentRequestId middle = saved(pendingSince(before.plusSeconds(2)));

        List<Claim> claims = dueWork().claim(WorkKind.PAYMENT_RESULT, before.plusSeconds(3), 2, LEASE, "node-a");

        assertEquals(List.of(early, middle), claims.stream().map(Claim::attempt).toList());
        assertEquals(List.of(late), dueWork().claim(WorkKind.PAYMENT_RESULT, before.plusSeconds(3), 2, LEASE, "node-a")
                .stream().map(Claim::attempt).toList());
    }

    @Test
    public void the_backlog_counts_the_items_due_and_not_leased() {
        saved(pendingSince(t0.plusSeconds(1)));
        saved(pendingSince(t0.plusSeconds(2)));
        saved(pendingSince(t0.plusSeconds(30)));
        long before = dueWork().countDue(WorkKind.PAYMENT_RESULT, t0);

        assertEquals(before + 2, dueWork().countDue(WorkKind.PAYMENT_RESULT, t0.plusSeconds(2)));
        dueWork().claim(WorkKind.PAYMENT_RESULT, t0.plusSeconds(2), 1, LEASE, "node-a");
        assertEquals(before + 1, dueWork().countDue(WorkKind.PAYMENT_RESULT, t0.plusSeconds(2)));
    }

    @Test
    public void concurrent_claimers_never_receive_the_same_item() throws Exception {
        Set<PaymentRequestId> mine = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            mine.add(saved(pendingSince(t0)));
        }
        int claimers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch start = new CountDownLatch(1);
        Set<PaymentRequestId> seen = ConcurrentHashMap.newKeySet();
        List<Future<List<PaymentRequestId>>> results = new ArrayList<>();
        try {
            for (int c = 0; c < claimers; c++) {
                String owner = "node-" + c;
                results.add(pool.submit(() -> {
                    start.await();
                    List<PaymentRequestId> got = new ArrayList<>();
                    // Until nothing is due: items other tests left due before t0 are handed out (and leased away)
                    // too, however many there are; the bound only stops a store that never runs dry.
                    for (int round = 0; round < 2_000; round++) {
                        List<Claim> claimed = dueWork().claim(WorkKind.PAYMENT_RESULT, t0, 3, LEASE, owner);
                        if (claimed.isEmpty()) {
                            break;
                        }
                        got.addAll(attemptsOf(claimed, mine));
                    }
                    return got;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<List<PaymentRequestId>> result : results) {
                for (PaymentRequestId attempt : result.get(60, TimeUnit.SECONDS)) {
                    assertTrue(seen.add(attempt), attempt + " was handed out twice");
                    total++;
                }
            }
            assertEquals(mine.size(), total, "every due item was handed out once");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private List<Claim> claimAll(WorkKind kind, Instant now, String owner) {
        return dueWork().claim(kind, now, ALL, LEASE, owner);
    }

    private Claim claimOne(WorkKind kind, PaymentRequestId attempt, Instant now, String owner) {
        return claimAll(kind, now, owner).stream().filter(claim -> claim.attempt().equals(attempt)).findFirst()
                .orElseThrow(() -> new AssertionError(attempt + " was not handed out at " + now));
    }

    private static List<PaymentRequestId> attemptsOf(List<Claim> claims, Set<PaymentRequestId> wanted) {
        return claims.stream().map(Claim::attempt).filter(wanted::contains).toList();
    }

    private PaymentRequestId saved(Order order) {
        transactions().run(() -> orders().save(order));
        return order.attempts().get(order.attempts().size() - 1).id();
    }

    private void change(PaymentRequestId attempt, Consumer<Order> change) {
        transactions().run(() -> {
            Order order = orders().findByPaymentRequestId(attempt).orElseThrow();
            change.accept(order);
            orders().save(order);
        });
    }

    private Order initiated() {
        Order order = Order.create(ReferenceOrderId.of("due-" + UUID.randomUUID()), AMOUNT, null, Buyer.ANONYMOUS,
                List.of(), t0);
        order.startAttempt(newAttemptId(), options(CaptureMode.AUTOMATIC), t0);
        return order;
    }

    private Order pending(CaptureMode mode) {
        return pendingSince(t0, mode);
    }

    private Order pendingSince(Instant since) {
        return pendingSince(since, CaptureMode.AUTOMATIC);
    }

    /** An order whose attempt's pay call ended without an answer at {@code since}: due for a look from then. */
    private Order pendingSince(Instant since, CaptureMode mode) {
        Order order = Order.create(ReferenceOrderId.of("due-" + UUID.randomUUID()), AMOUNT, null, Buyer.ANONYMOUS,
                List.of(), since);
        PaymentRequestId attempt = newAttemptId();
        order.startAttempt(attempt, options(mode), since);
        order.apply(new PaymentOutcomeUnknown(attempt, "read timed out"), FactSource.API_RESPONSE, since);
        return order;
    }

    private static PaymentOptions options(CaptureMode mode) {
        return PaymentOptions.hostedCard("https://shop.example/back", TerminalEnvironment.of(TerminalType.WEB, null))
                .captureMode(mode).build();
    }

    private static PaymentRequestId newAttemptId() {
        return PaymentRequestId.of("pay-" + UUID.randomUUID());
    }

    private static PaymentId paymentIdOf(PaymentRequestId attempt) {
        return PaymentId.of("antom-" + attempt.value().substring(4));
    }
}
