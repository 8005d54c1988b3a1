package org.payengine.domain.order;

import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.T0;
import static org.payengine.domain.testing.Fixtures.captureIdOf;
import static org.payengine.domain.testing.Fixtures.captureRequestIdOf;
import static org.payengine.domain.testing.Fixtures.paymentIdOf;
import static org.payengine.domain.testing.Fixtures.refundIdOf;
import static org.payengine.domain.testing.Fixtures.refundRequestIdOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.testing.Fixtures;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

/**
 * Runs one generated interleaving against an order and checks the domain's promises after every step:
 * facts from the three sources, duplicated, reordered and contradictory, for several attempts of one order,
 * mixed with merchant captures at random times, closing, remediation and the passing of time. Each broken
 * promise is recorded as a violation naming the step, so a property test can report exactly what went wrong.
 */
final class Interleaving {

    /** One generated step; its numbers are read by {@link #run(Step)}. */
    record Step(int kind, int attempt, int source, int variant, int seconds) {
        static final int KINDS = 28;
    }

    /** A generated scenario: attempts started at the beginning, which of them capture manually, then the steps. */
    record Scenario(int initialAttempts, int manualBits, List<Step> steps) {
    }

    enum Promise {
        ONE_SUCCESS, NO_REGRESSION, IDEMPOTENT, CAPTURE_RULES, REFUND_RULES, AUDITED, NOTHING_AWAITED_FOR_GOOD,
        WORK_FOLLOWS_STATE, STATE_INVARIANTS
    }

    /** What a run found: the broken promises, and which interesting situations it reached (to check the generator). */
    record Report(Map<Promise, List<String>> violations, Set<String> reached) {
    }

    private static final int MAX_ATTEMPTS = 5;
    private static final Money WRONG_AMOUNT = Money.of("SGD", 4100);

    private final Scenario scenario;
    private final Order order = Fixtures.newOrder();
    private final List<Fact> applied = new ArrayList<>();
    private final Map<Promise, List<String>> violations = new HashMap<>();
    private final Set<String> reached = new TreeSet<>();
    private Instant now = T0;
    private int started;
    private PaymentRequestId firstSuccess;
    private final List<RefundRequestId> merchantRefunds = new ArrayList<>();
    private int stepNumber;

    private Interleaving(Scenario scenario) {
        this.scenario = scenario;
        for (Promise promise : Promise.values()) {
            violations.put(promise, new ArrayList<>());
        }
    }

    /** Runs the scenario and reports the violations of each promise (empty lists when all were kept). */
    static Report check(Scenario scenario) {
        Interleaving run = new Interleaving(scenario);
        for (int i = 0; i < scenario.initialAttempts(); i++) {
            run.startAttempt();
        }
        for (Step step : scenario.steps()) {
            run.stepNumber++;
            run.run(step);
        }
        return new Report(run.violations, run.reached);
    }

    private void run(Step step) {
        OrderSnapshot before = order.snapshot();
        int eventsBefore = order.pendingEvents().size();
        int auditBefore = order.pendingAuditEntries().size();
        String what = perform(step);
        OrderSnapshot after = order.snapshot();
        List<AuditEntry> newAudit = order.pendingAuditEntries().subList(auditBefore, order.pendingAuditEntries().size());
        checkOneSuccess(after, what);
        checkNoRegression(before, after, what);
        checkRefunds(before, after, what);
        checkAudited(before, after, newAudit, what);
        checkEventIds(order.pendingEvents().subList(eventsBefore, order.pendingEvents().size()), what);
        checkNothingAwaitedForGood(after, what);
        checkWorkFollowsState(after, what);
        for (PaymentAttempt attempt : after.attempts()) {
            StateInvariants.broken(attempt).forEach(broken -> violate(Promise.STATE_INVARIANTS, "after " + what + ": " + broken));
        }
        noteReached(after);
    }

    private void noteReached(OrderSnapshot after) {
        reached.add("order " + after.status());
        for (PaymentAttempt attempt : after.attempts()) {
            reached.add("attempt " + attempt.status());
            attempt.remediation().ifPresent(remediation -> reached.add("duplicate " + remediation));
            if (attempt.capture() != null) {
                reached.add("capture " + attempt.capture().status());
            }
            if (!attempt.duplicate()) {
                attempt.refunds().forEach(refund -> reached.add("refund " + refund.status()));
                if (attempt.refunds().size() > 1) {
                    reached.add("several refunds");
                }
            }
            attempt.reviews().forEach(review -> reached.add("review " + review.reason()));
            attempt.pendingWork().forEach(item -> reached.add("work " + item.kind()));
        }
    }

    private String perform(Step step) {
        PaymentRequestId id = attemptId(step.attempt() % Math.max(1, started));
        FactSource source = FactSource.values()[step.source() % 3];
        int v = step.variant();
        switch (step.kind()) {
            case 0, 1, 2 -> {
                return apply(new PaymentInProcess(id, paymentIdOf(id), "https://antom.example/" + id), source);
            }
            case 3, 4, 5, 6 -> {
                Instant paidAt = now.minusSeconds(v * 60L);
                Instant authExpiry = v % 3 == 0 ? paidAt.plus(Duration.ofDays(v % 9)) : null;
                return apply(new PaymentSucceeded(id, paymentIdOf(id), v == 9 ? WRONG_AMOUNT : AMOUNT, paidAt, authExpiry,
                        v % 2 == 0 ? Fixtures.visaCard() : null), source);
            }
            case 7, 8 -> {
                return apply(new PaymentFailed(id, v % 4 == 0 ? null : paymentIdOf(id),
                        ResultCode.of(v % 2 == 0 ? "DO_NOT_HONOR" : "ORDER_IS_CLOSED"), "declined"), source);
            }
            case 9 -> {
                return apply(new PaymentCancelled(id, paymentIdOf(id), now), source);
            }
            case 10 -> {
                return apply(new PaymentOutcomeUnknown(id, "timeout"), FactSource.API_RESPONSE);
            }
            case 11, 12 -> {
                CaptureRequestId captureRequestId = v < 5 ? captureRequestIdOf(id)
                        : v < 8 ? CaptureRequestId.of("antom-auto-" + id.value()) : null;
                return apply(new CaptureSucceeded(paymentIdOf(id), captureRequestId, captureIdOf(id),
                        v == 9 ? WRONG_AMOUNT : AMOUNT, now), source);
            }
            case 13 -> {
                return apply(new CaptureFailed(paymentIdOf(id), v < 7 ? captureRequestIdOf(id) : null,
                        ResultCode.of("PROCESS_FAIL"), "capture failed"), source);
            }
            case 14 -> {
                return apply(new CaptureProcessing(paymentIdOf(id), v < 7 ? captureRequestIdOf(id) : null), source);
            }
            case 15, 16 -> {
                return requestCapture(id, v < 8 ? AMOUNT : WRONG_AMOUNT);
            }
            case 17 -> {
                return applied.isEmpty() ? "nothing to replay" : apply(applied.get(v * 7919 % applied.size()), source);
            }
            case 18 -> {
                now = now.plusSeconds(step.seconds() * 3L);
                return "time passes to " + now;
            }
            case 19 -> {
                return startAttempt();
            }
            case 20 -> {
                return "close: " + order.close("generated", AuditSource.MERCHANT, now);
            }
            case 21 -> {
                PaymentRequestId duplicate = aDuplicateOr(id, step.attempt());
                return "refund duplicate " + duplicate + ": " + order.refundDuplicateInstead(duplicate,
                        refundRequestIdOf(duplicate), "cancel refused", AuditSource.WORKER, now);
            }
            case 22 -> {
                id = aDuplicateOr(id, step.attempt());
                return apply(switch (v % 3) {
                    case 0 -> new RefundSucceeded(refundRequestIdOf(id), refundIdOf(id), AMOUNT, now);
                    case 1 -> new RefundFailed(refundRequestIdOf(id), ResultCode.of("REFUND_WINDOW_EXCEED"), "no");
                    default -> new RefundProcessing(refundRequestIdOf(id), refundIdOf(id));
                }, source);
            }
            case 23 -> {
                return "deadline warning " + id + ": " + order.warnCaptureDeadlineNear(id, now);
            }
            case 24 -> {
                return requestRefund(id, v);
            }
            case 25 -> {
                // a cancel sent to Antom, its answer then lost or a definite refusal
                return v % 2 == 0 ? "cancel sent " + id + ": " + order.cancelSent(id, now)
                        : "cancel refused " + id + ": " + order.cancelAnswered(id, now);
            }
            default -> {
                return applyToMerchantRefund(step, source);
            }
        }
    }

    /**
     * The merchant refunds part of the payment (variants 0–6: a tenth to seven tenths), all of it (7, 8), or more than
     * was captured (9); refunds go to the order's success when there is one, so that they are reached often.
     */
    private String requestRefund(PaymentRequestId fallback, int variant) {
        PaymentRequestId id = order.snapshot().successfulAttempt() != null ? order.snapshot().successfulAttempt() : fallback;
        long captured = AMOUNT.minorUnits();
        long value = variant < 7 ? captured * (variant + 1) / 10 : variant < 9 ? captured : captured + 1;
        RefundRequestId requestId = RefundRequestId.of("merchant-refund-" + stepNumber);
        Result<Refund> result = order.requestRefund(id, Money.of("SGD", value), "generated", requestId,
                AuditSource.MERCHANT, now);
        reached.add("refund request " + (result.isAccepted() ? "accepted" : result.rejection().code()));
        if (result.isAccepted()) {
            merchantRefunds.add(requestId);
        }
        return "refund " + id + " of " + value + ": " + (result.isAccepted() ? "accepted" : result.rejection().code());
    }

    /** Antom's answer to one of the merchant's refunds, from any source, in any order, sometimes contradictory. */
    private String applyToMerchantRefund(Step step, FactSource source) {
        if (merchantRefunds.isEmpty()) {
            return "no merchant refund yet";
        }
        RefundRequestId requestId = merchantRefunds.get(step.seconds() % merchantRefunds.size());
        Refund refund = order.snapshot().attempts().stream().flatMap(a -> a.refund(requestId).stream()).findFirst()
                .orElseThrow();
        int v = step.variant();
        RefundId refundId = RefundId.of("refund-" + requestId.value());
        return apply(switch (v % 4) {
            case 0, 1 -> new RefundSucceeded(requestId, refundId, v == 9 ? WRONG_AMOUNT : refund.amount(), now);
            case 2 -> new RefundFailed(requestId, ResultCode.of("REFUND_WINDOW_EXCEED"), "too late");
            default -> new RefundProcessing(requestId, v < 5 ? refundId : null);
        }, source);
    }

    /** Remediation steps go to a duplicate when there is one, so that its rarer paths are reached too. */
    private PaymentRequestId aDuplicateOr(PaymentRequestId fallback, int pick) {
        List<PaymentRequestId> duplicates = order.attempts().stream().filter(PaymentAttempt::duplicate)
                .map(PaymentAttempt::id).toList();
        return duplicates.isEmpty() ? fallback : duplicates.get(pick % duplicates.size());
    }

    private String startAttempt() {
        if (started >= MAX_ATTEMPTS) {
            return "no more attempts";
        }
        PaymentRequestId id = attemptId(started);
        boolean manual = (scenario.manualBits() >> started & 1) == 1;
        Result<PaymentAttempt> result = order.startAttempt(id,
                manual ? Fixtures.manualCapture() : Fixtures.automaticCapture(), now);
        if (result.isAccepted()) {
            started++;
        } else if (order.status() == OrderStatus.OPEN) {
            violate(Promise.ONE_SUCCESS, "an attempt was refused on an OPEN order: " + result.rejection().message());
        }
        return "start " + id + ": " + (result.isAccepted() ? "started" : result.rejection().code());
    }

    /** Applies a fact, then applies it again (from a random other source) and checks nothing more happened. */
    private String apply(Fact fact, FactSource source) {
        FactOutcome outcome = order.apply(fact, source, now);
        applied.add(fact);
        OrderSnapshot once = order.snapshot();
        int events = order.pendingEvents().size();
        int audit = order.pendingAuditEntries().size();
        FactSource otherSource = FactSource.values()[(source.ordinal() + stepNumber) % 3];
        FactOutcome twice = order.apply(fact, otherSource, now);
        if (!once.equals(order.snapshot()) || events != order.pendingEvents().size()
                || audit != order.pendingAuditEntries().size() || twice.changedOrder()) {
            violate(Promise.IDEMPOTENT, "applying " + fact.describe() + " a second time (from " + otherSource
                    + ") changed the order: " + twice);
        }
        return "apply " + fact.describe() + " from " + source + " -> " + outcome.kind();
    }

    private String requestCapture(PaymentRequestId id, Money amount) {
        PaymentAttempt before = order.attempt(id).orElse(null);
        Result<Capture> result = order.requestCapture(id, amount, CaptureRequestId.of("unused-" + stepNumber),
                AuditSource.MERCHANT, now);
        PaymentAttempt after = order.attempt(id).orElse(null);
        boolean newlyRequested = after != null && after.capture() != null
                && after.capture().status() == CaptureStatus.REQUESTED
                && (before.capture() == null || before.capture().status() != CaptureStatus.REQUESTED);
        if (newlyRequested) {
            if (after.captureDeadline() == null || !now.isBefore(after.captureDeadline())) {
                violate(Promise.CAPTURE_RULES, "capture of " + id + " requested at " + now + ", deadline "
                        + after.captureDeadline());
            }
            if (!after.capture().amount().equals(after.amount()) || !amount.equals(after.amount())) {
                violate(Promise.CAPTURE_RULES, "capture of " + id + " requested for " + amount + ", authorized "
                        + after.amount());
            }
            if (after.captureMode() != CaptureMode.MANUAL || after.status() != AttemptStatus.AUTHORIZED || after.duplicate()) {
                violate(Promise.CAPTURE_RULES, "capture of " + id + " requested while " + after.status() + ", "
                        + after.captureMode() + ", duplicate " + after.duplicate());
            }
            if (after.capture().requestId() == null) {
                violate(Promise.CAPTURE_RULES, "capture of " + id + " requested without a capture request id");
            }
        }
        if (before != null && before.capture() != null && before.capture().requestId() != null
                && !before.capture().requestId().equals(after.capture().requestId())) {
            violate(Promise.CAPTURE_RULES, "the capture request id of " + id + " changed");
        }
        reached.add("capture request " + (result.isAccepted() ? "accepted" : result.rejection().code()));
        return "capture " + id + " for " + amount + ": " + (result.isAccepted() ? "accepted" : result.rejection().code());
    }

    // ---- promises ----------------------------------------------------------------------------------

    private void checkOneSuccess(OrderSnapshot after, String what) {
        List<PaymentRequestId> successes = after.attempts().stream()
                .filter(a -> a.authorization() != null && !a.duplicate()).map(PaymentAttempt::id).toList();
        if (successes.size() > 1) {
            violate(Promise.ONE_SUCCESS, "after " + what + ": several attempts count as the success " + successes);
        }
        if (!successes.isEmpty() && !successes.get(0).equals(after.successfulAttempt())) {
            violate(Promise.ONE_SUCCESS, "after " + what + ": the success " + successes.get(0)
                    + " is not the order's successful attempt " + after.successfulAttempt());
        }
        if (firstSuccess == null) {
            firstSuccess = after.successfulAttempt();
        } else if (!firstSuccess.equals(after.successfulAttempt())) {
            violate(Promise.ONE_SUCCESS, "after " + what + ": the success changed from " + firstSuccess + " to "
                    + after.successfulAttempt());
        }
    }

    private void checkNoRegression(OrderSnapshot before, OrderSnapshot after, String what) {
        for (PaymentAttempt earlier : before.attempts()) {
            PaymentAttempt later = after.attempt(earlier.id()).orElseThrow();
            if (earlier.status() != later.status() && !earlier.status().canMoveTo(later.status())) {
                violate(Promise.NO_REGRESSION, "after " + what + ": " + earlier.id() + " moved " + earlier.status()
                        + " -> " + later.status());
            }
            if (earlier.capture() != null && earlier.capture().isSucceeded()
                    && (later.capture() == null || !later.capture().equals(earlier.capture()))) {
                violate(Promise.NO_REGRESSION, "after " + what + ": the succeeded capture of " + earlier.id() + " changed");
            }
            for (Refund refund : earlier.refunds()) {
                Refund now = later.refund(refund.requestId()).orElse(null);
                if (now == null || now.status() != refund.status() && !refund.status().canMoveTo(now.status())) {
                    violate(Promise.NO_REGRESSION, "after " + what + ": refund " + refund.requestId() + " moved "
                            + refund.status() + " -> " + (now == null ? "gone" : now.status()));
                }
            }
            if (earlier.duplicate() && !later.duplicate()) {
                violate(Promise.NO_REGRESSION, "after " + what + ": " + earlier.id() + " stopped being a duplicate");
            }
        }
        boolean paidStaysPaid = after.status() == OrderStatus.PAID || after.status() == OrderStatus.REFUNDED;
        if (before.status() == OrderStatus.PAID && !paidStaysPaid
                || before.status() == OrderStatus.REFUNDED && after.status() != OrderStatus.REFUNDED
                || before.status() == OrderStatus.CLOSED && after.status() != OrderStatus.CLOSED) {
            violate(Promise.NO_REGRESSION, "after " + what + ": the order moved " + before.status() + " -> " + after.status());
        }
    }

    /**
     * A capture or refund waits for Antom's answer only in the state whose follow-up asks Antom for it: a capture
     * while its attempt is authorized, a duplicate's refund while the attempt is captured. In any other state the
     * answer would be awaited for good.
     */
    private void checkNothingAwaitedForGood(OrderSnapshot after, String what) {
        for (PaymentAttempt attempt : after.attempts()) {
            if (attempt.capture() != null && attempt.capture().status().isUnresolved()
                    && attempt.status() != AttemptStatus.AUTHORIZED) {
                violate(Promise.NOTHING_AWAITED_FOR_GOOD, "after " + what + ": " + attempt.id() + " is "
                        + attempt.status() + " with its capture " + attempt.capture().status());
            }
            if (attempt.remediation().orElse(null) == RemediationStatus.REFUND_REQUESTED
                    && attempt.status() != AttemptStatus.CAPTURED) {
                violate(Promise.NOTHING_AWAITED_FOR_GOOD, "after " + what + ": " + attempt.id() + " is "
                        + attempt.status() + " with its refund awaiting Antom");
            }
        }
    }

    /**
     * The order's pending work is, attempt by attempt, exactly the work each attempt's state calls for (one item per
     * kind, for the reason the state gives), and a terminal attempt needs none: so a store that keeps its due work in
     * step with the order follows up every result still owed and nothing settled.
     */
    private void checkWorkFollowsState(OrderSnapshot after, String what) {
        List<PendingWork> byAttempt = new ArrayList<>();
        for (PaymentAttempt attempt : after.attempts()) {
            List<PendingWork> items = attempt.pendingWork();
            byAttempt.addAll(items);
            Map<WorkKind, FollowUpReason> given = new TreeMap<>();
            for (PendingWork item : items) {
                if (!item.attempt().equals(attempt.id()) || given.put(item.kind(), item.reason()) != null) {
                    violate(Promise.WORK_FOLLOWS_STATE, "after " + what + ": " + attempt.id()
                            + " has an item of another attempt, or two of one kind: " + items);
                }
            }
            Map<WorkKind, FollowUpReason> expected = workCalledFor(attempt);
            if (!given.equals(expected)) {
                violate(Promise.WORK_FOLLOWS_STATE, "after " + what + ": " + attempt.id() + " is " + attempt.status()
                        + " and needs " + expected + " but the order says " + given);
            }
            if (attempt.status().isTerminal() && !items.isEmpty()) {
                violate(Promise.WORK_FOLLOWS_STATE, "after " + what + ": " + attempt.id() + " is " + attempt.status()
                        + " and still has work " + items);
            }
        }
        if (!order.pendingWork().equals(byAttempt)) {
            violate(Promise.WORK_FOLLOWS_STATE, "after " + what + ": the order's work " + order.pendingWork()
                    + " is not its attempts' work " + byAttempt);
        }
    }

    /** What an attempt's state calls for, read off the state one concern at a time. */
    private static Map<WorkKind, FollowUpReason> workCalledFor(PaymentAttempt attempt) {
        Map<WorkKind, FollowUpReason> work = new TreeMap<>();
        switch (attempt.status()) {
            case INITIATED -> work.put(WorkKind.PAYMENT_RESULT, FollowUpReason.PAY_CALL_UNANSWERED);
            case UNKNOWN -> work.put(WorkKind.PAYMENT_RESULT, FollowUpReason.PAYMENT_OUTCOME_UNKNOWN);
            case PENDING -> work.put(WorkKind.PAYMENT_RESULT, FollowUpReason.PAYMENT_NOTIFICATION_AWAITED);
            default -> {
            }
        }
        if (attempt.status() == AttemptStatus.AUTHORIZED) {
            CaptureStatus capture = attempt.capture() == null ? null : attempt.capture().status();
            if (capture == CaptureStatus.REQUESTED) {
                work.put(WorkKind.CAPTURE_RESULT, FollowUpReason.CAPTURE_CALL_UNANSWERED);
            } else if (capture == CaptureStatus.PROCESSING
                    || capture == null && attempt.captureMode() == CaptureMode.AUTOMATIC) {
                work.put(WorkKind.CAPTURE_RESULT, FollowUpReason.CAPTURE_NOTIFICATION_AWAITED);
            }
            if (attempt.authorization().cancelAwaited()) {
                work.put(WorkKind.CANCEL_RESULT, FollowUpReason.CANCEL_CALL_UNANSWERED);
            }
            if (attempt.captureMode() == CaptureMode.MANUAL && !attempt.duplicate()) {
                work.put(WorkKind.CAPTURE_DEADLINE, FollowUpReason.CAPTURE_DEADLINE);
            }
        }
        if (!attempt.duplicate()) {
            if (attempt.refunds().stream().anyMatch(refund -> refund.status() == RefundStatus.REQUESTED)) {
                work.put(WorkKind.REFUND_RESULT, FollowUpReason.REFUND_CALL_UNANSWERED);
            } else if (attempt.refunds().stream().anyMatch(refund -> refund.status() == RefundStatus.PROCESSING)) {
                work.put(WorkKind.REFUND_RESULT, FollowUpReason.REFUND_NOTIFICATION_AWAITED);
            }
        }
        RemediationStatus remediation = attempt.remediation().orElse(null);
        if (remediation == RemediationStatus.CANCEL_REQUESTED || remediation == RemediationStatus.REFUND_REQUESTED) {
            work.put(WorkKind.DUPLICATE, FollowUpReason.DUPLICATE);
        }
        return work;
    }

    /** Every change of status has exactly the audit entries that describe it, and no others. */
    private void checkAudited(OrderSnapshot before, OrderSnapshot after, List<AuditEntry> newAudit, String what) {
        List<String> expected = new ArrayList<>();
        for (PaymentAttempt later : after.attempts()) {
            PaymentAttempt earlier = before.attempt(later.id()).orElse(null);
            String id = later.id().value();
            expected.add(change(AuditSubject.ATTEMPT, id, earlier, later, a -> a.status().name()));
            expected.add(change(AuditSubject.CAPTURE, id, earlier, later,
                    a -> a.capture() == null ? null : a.capture().status().name()));
            for (Refund refund : later.refunds()) {
                expected.add(change(AuditSubject.REFUND, id, earlier, later,
                        a -> a.refund(refund.requestId()).map(r -> r.status().name()).orElse(null)));
            }
        }
        if (before.status() != after.status()) {
            expected.add(AuditSubject.ORDER + " " + after.id() + " " + before.status() + "->" + after.status());
        }
        expected.removeIf(Objects::isNull);
        List<String> recorded = new ArrayList<>();
        for (AuditEntry entry : newAudit) {
            if (entry.isTransition()) {
                String subjectId = entry.subject() == AuditSubject.ORDER ? entry.subjectId() : attemptOf(entry, after);
                recorded.add(entry.subject() + " " + subjectId + " " + entry.fromState() + "->" + entry.toState());
            }
            if (!entry.at().equals(now) || entry.source() == null) {
                violate(Promise.AUDITED, "after " + what + ": audit entry without this step's time and source: " + entry);
            }
        }
        if (!recorded.containsAll(expected) || !expected.containsAll(recorded) || recorded.size() != expected.size()) {
            violate(Promise.AUDITED, "after " + what + ": transitions " + expected + " but audit entries " + recorded);
        }
    }

    private static String change(AuditSubject subject, String attemptId, PaymentAttempt earlier, PaymentAttempt later,
                                 Function<PaymentAttempt, String> state) {
        String from = earlier == null ? null : state.apply(earlier);
        String to = state.apply(later);
        return Objects.equals(from, to) || to == null ? null : subject + " " + attemptId + " " + from + "->" + to;
    }

    /** The attempt a capture or refund audit entry is about (entries name the capture or refund by its own id). */
    private static String attemptOf(AuditEntry entry, OrderSnapshot order) {
        for (PaymentAttempt attempt : order.attempts()) {
            boolean match = switch (entry.subject()) {
                case ATTEMPT -> attempt.id().value().equals(entry.subjectId());
                case CAPTURE -> attempt.capture() != null && (entry.subjectId().equals(attempt.id().value())
                        || attempt.capture().requestId() != null && entry.subjectId().equals(attempt.capture().requestId().value())
                        || attempt.capture().captureId() != null && entry.subjectId().equals(attempt.capture().captureId().value()));
                case REFUND -> attempt.refund(RefundRequestId.of(entry.subjectId())).isPresent();
                case ORDER -> false;
            };
            if (match) {
                return attempt.id().value();
            }
        }
        return "?" + entry.subjectId();
    }

    private void checkEventIds(List<DomainEvent> newEvents, String what) {
        for (DomainEvent event : newEvents) {
            if (event.id().orderVersion() != 1 || !event.orderId().equals(order.id())) {
                violate(Promise.AUDITED, "after " + what + ": event " + event.id() + " is not numbered under version 1");
            }
        }
        List<DomainEvent> all = order.pendingEvents();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().index() != i) {
                violate(Promise.AUDITED, "after " + what + ": event " + i + " has index " + all.get(i).id().index());
            }
        }
    }

    /**
     * The refunds of an attempt never add up to more than was captured, succeeded ones nor those not failed; the
     * attempt is REFUNDED exactly when its succeeded refunds are the whole captured amount; a refund's amount and
     * request id never change.
     */
    private void checkRefunds(OrderSnapshot before, OrderSnapshot after, String what) {
        for (PaymentAttempt attempt : after.attempts()) {
            if (attempt.refunds().isEmpty()) {
                continue;
            }
            long captured = attempt.capture() == null || !attempt.capture().isSucceeded() ? 0
                    : attempt.capture().amount().minorUnits();
            long succeeded = 0;
            long notFailed = 0;
            for (Refund refund : attempt.refunds()) {
                succeeded += refund.status() == RefundStatus.SUCCEEDED ? refund.amount().minorUnits() : 0;
                notFailed += refund.status() != RefundStatus.FAILED ? refund.amount().minorUnits() : 0;
            }
            if (succeeded > captured || notFailed > captured) {
                violate(Promise.REFUND_RULES, "after " + what + ": " + attempt.id() + " captured " + captured
                        + " but refunds succeeded " + succeeded + ", not failed " + notFailed);
            }
            if ((attempt.status() == AttemptStatus.REFUNDED) != (succeeded == captured)) {
                violate(Promise.REFUND_RULES, "after " + what + ": " + attempt.id() + " is " + attempt.status()
                        + " with " + succeeded + " of " + captured + " refunded");
            }
            PaymentAttempt earlier = before.attempt(attempt.id()).orElse(null);
            for (Refund refund : earlier == null ? List.<Refund>of() : earlier.refunds()) {
                if (!attempt.refund(refund.requestId()).map(Refund::amount).equals(java.util.Optional.of(refund.amount()))) {
                    violate(Promise.REFUND_RULES, "after " + what + ": refund " + refund.requestId() + " changed its amount");
                }
            }
        }
    }

    private void violate(Promise promise, String what) {
        violations.get(promise).add("step " + stepNumber + ": " + what);
    }

    private static PaymentRequestId attemptId(int index) {
        return Fixtures.attempt("pay-" + (index + 1));
    }
}
