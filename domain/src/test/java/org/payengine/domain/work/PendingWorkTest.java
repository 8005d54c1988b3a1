package org.payengine.domain.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.payengine.domain.testing.Fixtures.AMOUNT;
import static org.payengine.domain.testing.Fixtures.T0;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;
import static org.payengine.domain.testing.Fixtures.cancelled;
import static org.payengine.domain.testing.Fixtures.captureProcessing;
import static org.payengine.domain.testing.Fixtures.captureRequestIdOf;
import static org.payengine.domain.testing.Fixtures.failed;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.outcomeUnknown;
import static org.payengine.domain.testing.Fixtures.refundFailed;
import static org.payengine.domain.testing.Fixtures.refundIdOf;
import static org.payengine.domain.testing.Fixtures.refundRequestIdOf;
import static org.payengine.domain.testing.Fixtures.succeeded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.RemediationStatus;
import org.payengine.domain.testing.Fixtures;
import org.payengine.domain.testing.OrderProbe;

/**
 * Which background work an order says it needs, state by state: each attempt state gives exactly its items, each
 * counted from the instant its follow-up schedule starts at, and a settled attempt gives none.
 */
class PendingWorkTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    private List<PendingWork> work() {
        return probe.order().pendingWork();
    }

    private static PendingWork item(WorkKind kind, PaymentRequestId attempt, FollowUpReason reason, Instant since) {
        return new PendingWork(kind, attempt, reason, since);
    }

    private Instant authorizedAt(PaymentRequestId id) {
        return probe.attempt(id).authorization().authorizedAt();
    }

    @Test
    public void a_new_order_needs_no_work() {
        assertEquals(List.of(), Fixtures.newOrder().pendingWork());
    }

    @Test
    public void an_attempt_written_before_the_pay_call_awaits_the_calls_answer_from_when_it_was_written() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());

        assertEquals(List.of(item(WorkKind.PAYMENT_RESULT, id, FollowUpReason.PAY_CALL_UNANSWERED, T0)), work());
    }

    @Test
    public void an_attempt_whose_pay_call_ended_without_an_answer_is_followed_up_from_when_it_was_written() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());
        probe.after(Duration.ofSeconds(10)).apply(outcomeUnknown(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.UNKNOWN, probe.status(id));
        assertEquals(List.of(item(WorkKind.PAYMENT_RESULT, id, FollowUpReason.PAYMENT_OUTCOME_UNKNOWN, T0)), work());
    }

    @Test
    public void a_pending_attempt_awaits_the_notification_counted_from_when_the_payment_expires() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        Instant expiresAt = probe.attempt(id).expiresAt();

        assertEquals(List.of(item(WorkKind.PAYMENT_RESULT, id, FollowUpReason.PAYMENT_NOTIFICATION_AWAITED, expiresAt)),
                work());
    }

    @Test
    public void an_authorized_automatic_capture_awaits_antoms_capture_from_the_authorization() {
        PaymentRequestId id = probe.after(Duration.ofMinutes(1)).authorized("pay-1", automaticCapture());

        assertEquals(List.of(item(WorkKind.CAPTURE_RESULT, id, FollowUpReason.CAPTURE_NOTIFICATION_AWAITED,
                authorizedAt(id))), work());
    }

    @Test
    public void an_authorized_manual_capture_runs_towards_its_capture_deadline() {
        PaymentRequestId id = probe.after(Duration.ofMinutes(1)).authorized("pay-1", manualCapture());

        assertEquals(List.of(item(WorkKind.CAPTURE_DEADLINE, id, FollowUpReason.CAPTURE_DEADLINE, authorizedAt(id))),
                work());
    }

    @Test
    public void a_requested_capture_awaits_its_calls_answer_then_its_notification_while_the_deadline_still_runs() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        Instant requestedAt = probe.after(Duration.ofHours(1)).now();
        probe.order().requestCapture(id, AMOUNT, captureRequestIdOf(id), AuditSource.MERCHANT, requestedAt).value();
        PendingWork deadline = item(WorkKind.CAPTURE_DEADLINE, id, FollowUpReason.CAPTURE_DEADLINE, authorizedAt(id));

        assertEquals(List.of(item(WorkKind.CAPTURE_RESULT, id, FollowUpReason.CAPTURE_CALL_UNANSWERED, requestedAt),
                deadline), work());

        probe.after(Duration.ofSeconds(5)).apply(captureProcessing(id), FactSource.API_RESPONSE);

        assertEquals(List.of(item(WorkKind.CAPTURE_RESULT, id, FollowUpReason.CAPTURE_NOTIFICATION_AWAITED,
                requestedAt), deadline), work());
    }

    @Test
    public void a_cancel_sent_is_followed_up_until_antom_answers_it() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        Instant sentAt = probe.after(Duration.ofMinutes(3)).now();
        probe.order().cancelSent(id, sentAt);
        PendingWork deadline = item(WorkKind.CAPTURE_DEADLINE, id, FollowUpReason.CAPTURE_DEADLINE, authorizedAt(id));

        assertEquals(List.of(item(WorkKind.CANCEL_RESULT, id, FollowUpReason.CANCEL_CALL_UNANSWERED, sentAt), deadline),
                work());

        probe.order().cancelAnswered(id, probe.after(Duration.ofSeconds(30)).now());

        assertEquals(List.of(deadline), work(), "a refused cancel leaves the authorization as it was");
    }

    @Test
    public void a_merchant_refund_awaits_its_calls_answer_then_its_notification_and_a_refunded_attempt_needs_nothing() {
        PaymentRequestId id = probe.authorized("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(id));
        assertEquals(List.of(), work(), "a captured payment needs nothing");
        RefundRequestId refund = RefundRequestId.of("merchant-refund-1");
        Instant requestedAt = probe.after(Duration.ofDays(1)).now();
        probe.order().requestRefund(id, AMOUNT, "returned", refund, AuditSource.MERCHANT, requestedAt).value();

        assertEquals(List.of(item(WorkKind.REFUND_RESULT, id, FollowUpReason.REFUND_CALL_UNANSWERED, requestedAt)),
                work());

        probe.after(Duration.ofSeconds(2)).apply(new RefundProcessing(refund, refundIdOf(id)), FactSource.API_RESPONSE);

        assertEquals(List.of(item(WorkKind.REFUND_RESULT, id, FollowUpReason.REFUND_NOTIFICATION_AWAITED,
                requestedAt)), work());

        probe.apply(new RefundSucceeded(refund, refundIdOf(id), AMOUNT, probe.now()));

        assertEquals(AttemptStatus.REFUNDED, probe.status(id));
        assertEquals(List.of(), work());
    }

    @Test
    public void a_duplicate_success_is_undone_at_once_and_has_no_capture_deadline() {
        PaymentRequestId first = probe.pending("pay-1", manualCapture());
        PaymentRequestId second = probe.after(Duration.ofMinutes(1)).pending("pay-2", manualCapture());
        probe.apply(succeeded(first, probe.now()));
        probe.after(Duration.ofMinutes(1)).apply(succeeded(second, probe.now()));

        assertEquals(RemediationStatus.CANCEL_REQUESTED, probe.attempt(second).remediation().orElseThrow());
        assertEquals(List.of(
                item(WorkKind.CAPTURE_DEADLINE, first, FollowUpReason.CAPTURE_DEADLINE, authorizedAt(first)),
                item(WorkKind.DUPLICATE, second, FollowUpReason.DUPLICATE, probe.attempt(second).initiatedAt())),
                work());
    }

    @Test
    public void a_duplicates_refund_is_the_remediations_work_and_a_failed_one_is_left_to_a_person() {
        PaymentRequestId first = probe.pending("pay-1", automaticCapture());
        PaymentRequestId second = probe.pending("pay-2", automaticCapture());
        probe.apply(succeeded(first, probe.now()));
        probe.apply(automaticCaptureSucceeded(first));
        probe.apply(succeeded(second, probe.now()));
        probe.apply(automaticCaptureSucceeded(second));
        probe.order().refundDuplicateInstead(second, refundRequestIdOf(second), "CANCEL_WINDOW_EXCEED",
                AuditSource.WORKER, probe.now()).value();

        assertEquals(List.of(item(WorkKind.DUPLICATE, second, FollowUpReason.DUPLICATE,
                probe.attempt(second).initiatedAt())), work(), "no separate refund follow-up for a duplicate");

        probe.apply(refundFailed(second));

        assertEquals(RemediationStatus.REFUND_FAILED, probe.attempt(second).remediation().orElseThrow());
        assertEquals(List.of(), work());
    }

    @Test
    public void failed_and_cancelled_attempts_need_nothing() {
        PaymentRequestId declined = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(declined));
        PaymentRequestId cancelledAtAntom = probe.pending("pay-2", automaticCapture());
        probe.apply(cancelled(cancelledAtAntom));

        assertEquals(AttemptStatus.FAILED, probe.status(declined));
        assertEquals(AttemptStatus.CANCELLED, probe.status(cancelledAtAntom));
        assertEquals(List.of(), work());
    }

    @Test
    public void an_orders_work_is_its_attempts_work_oldest_attempt_first() {
        PaymentRequestId declined = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(declined));
        PaymentRequestId unanswered = probe.after(Duration.ofMinutes(1)).started("pay-2", automaticCapture());
        PaymentRequestId pending = probe.after(Duration.ofMinutes(1)).pending("pay-3", automaticCapture());

        assertEquals(List.of(
                item(WorkKind.PAYMENT_RESULT, unanswered, FollowUpReason.PAY_CALL_UNANSWERED,
                        probe.attempt(unanswered).initiatedAt()),
                item(WorkKind.PAYMENT_RESULT, pending, FollowUpReason.PAYMENT_NOTIFICATION_AWAITED,
                        probe.attempt(pending).expiresAt())), work());
        assertEquals(work(), probe.order().snapshot().pendingWork());
    }
}
