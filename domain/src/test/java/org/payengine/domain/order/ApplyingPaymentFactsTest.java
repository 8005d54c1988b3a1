package org.payengine.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.attempt;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.cancelled;
import static org.payengine.domain.testing.Fixtures.captureRequestIdOf;
import static org.payengine.domain.testing.Fixtures.failed;
import static org.payengine.domain.testing.Fixtures.inProcess;
import static org.payengine.domain.testing.Fixtures.manualCapture;
import static org.payengine.domain.testing.Fixtures.outcomeUnknown;
import static org.payengine.domain.testing.Fixtures.paymentIdOf;
import static org.payengine.domain.testing.Fixtures.sgd;
import static org.payengine.domain.testing.Fixtures.succeeded;
import static org.payengine.domain.testing.Fixtures.visaCard;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.event.AuthorizationReleased;
import org.payengine.domain.event.NeedsReview;
import org.payengine.domain.event.OrderAuthorized;
import org.payengine.domain.event.PaymentAttemptCancelled;
import org.payengine.domain.event.PaymentAttemptFailed;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.FactOutcome.Kind;
import org.payengine.domain.testing.OrderProbe;

class ApplyingPaymentFactsTest {

    private final OrderProbe probe = OrderProbe.newOrder();

    @Test
    public void antoms_in_process_answer_makes_the_attempt_pending_with_the_hosted_page() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());

        FactOutcome outcome = probe.apply(inProcess(id), FactSource.API_RESPONSE);

        assertEquals(Kind.APPLIED, outcome.kind());
        PaymentAttempt attempt = probe.attempt(id);
        assertEquals(AttemptStatus.PENDING, attempt.status());
        assertEquals(paymentIdOf(id), attempt.paymentId());
        assertEquals("https://antom.example/pay/pay-1", attempt.redirectUrl());
    }

    @Test
    public void a_timeout_leaves_the_attempt_unknown_never_failed() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());

        probe.apply(outcomeUnknown(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.UNKNOWN, probe.status(id));
        assertTrue(probe.newEvents(PaymentAttemptFailed.class).isEmpty());
    }

    @Test
    public void an_unknown_attempt_is_settled_by_the_inquiry() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());
        probe.apply(outcomeUnknown(id), FactSource.API_RESPONSE);

        probe.apply(inProcess(id), FactSource.INQUIRY);

        assertEquals(AttemptStatus.PENDING, probe.status(id));
    }

    @Test
    public void an_unknown_outcome_adds_nothing_to_a_pending_attempt() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.markSeen();

        assertEquals(Kind.NO_CHANGE, probe.apply(outcomeUnknown(id), FactSource.API_RESPONSE).kind());
        assertEquals(AttemptStatus.PENDING, probe.status(id));
    }

    @Test
    public void a_success_authorizes_the_attempt_and_the_order() {
        PaymentRequestId id = probe.pending("pay-1", manualCapture());
        probe.markSeen();

        probe.apply(succeeded(id, probe.now()));

        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
        assertEquals(OrderStatus.AUTHORIZED, probe.order().status());
        assertEquals(id, probe.order().snapshot().successfulAttempt());
        OrderAuthorized event = probe.newEvents(OrderAuthorized.class).get(0);
        assertEquals(id, event.attempt());
        assertTrue(event.manualCapture());
        assertEquals(probe.now().plus(Duration.ofDays(7)), event.captureDeadline());
    }

    @Test
    public void the_card_facts_antom_reports_are_kept() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        probe.apply(succeeded(id));

        CardFacts card = probe.attempt(id).card();
        assertEquals(visaCard(), card);
        assertEquals("Y", card.avsResultRaw());
        assertEquals("M", card.cvvResultRaw());
        assertEquals("05", card.threeDS().eci());
        assertEquals("nti-123", card.networkTransactionId());
        assertEquals("0768", card.maskedNumber().lastDigits());
    }

    @Test
    public void a_later_report_of_the_same_success_fills_in_missing_card_facts() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        PaymentSucceeded bare = new PaymentSucceeded(id, paymentIdOf(id), sgd(4200), probe.now(), null, CardFacts.NONE);
        probe.apply(bare, FactSource.NOTIFICATION);
        probe.markSeen();

        FactOutcome outcome = probe.apply(succeeded(id, probe.now()), FactSource.INQUIRY);

        assertEquals(Kind.APPLIED, outcome.kind());
        assertEquals(visaCard(), probe.attempt(id).card());
        assertTrue(probe.newEvents().isEmpty(), "enriching is not news");
        assertTrue(probe.newAuditEntries().isEmpty(), "enriching is not a transition");
    }

    @Test
    public void only_antoms_definite_answer_fails_an_attempt() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.markSeen();

        probe.apply(failed(id, "DO_NOT_HONOR"));

        PaymentAttempt attempt = probe.attempt(id);
        assertEquals(AttemptStatus.FAILED, attempt.status());
        assertEquals("DO_NOT_HONOR", attempt.failure().code().value());
        assertEquals("DO_NOT_HONOR", probe.newEvents(PaymentAttemptFailed.class).get(0).code().value());
        assertEquals(OrderStatus.OPEN, probe.order().status(), "the buyer may try again");
    }

    @Test
    public void the_same_fact_applied_twice_is_a_no_op() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(succeeded(id), FactSource.NOTIFICATION);
        OrderSnapshot before = probe.order().snapshot();
        probe.markSeen();

        FactOutcome again = probe.apply(succeeded(id), FactSource.NOTIFICATION);
        FactOutcome fromInquiry = probe.apply(succeeded(id), FactSource.INQUIRY);

        assertEquals(Kind.NO_CHANGE, again.kind());
        assertEquals(Kind.NO_CHANGE, fromInquiry.kind());
        assertEquals(before, probe.order().snapshot());
        assertTrue(probe.newEvents().isEmpty());
        assertTrue(probe.newAuditEntries().isEmpty());
    }

    @Test
    public void terminal_states_never_regress() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(id));
        probe.markSeen();

        assertEquals(Kind.NO_CHANGE, probe.apply(inProcess(id), FactSource.INQUIRY).kind());
        assertEquals(Kind.NO_CHANGE, probe.apply(outcomeUnknown(id), FactSource.API_RESPONSE).kind());
        assertEquals(Kind.NO_CHANGE, probe.apply(cancelled(id), FactSource.API_RESPONSE).kind());
        assertEquals(AttemptStatus.FAILED, probe.status(id));
        assertTrue(probe.newAuditEntries().isEmpty());
    }

    @Test
    public void a_failure_after_a_success_is_recorded_for_review_not_applied() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(succeeded(id));
        probe.markSeen();

        FactOutcome outcome = probe.apply(failed(id), FactSource.INQUIRY);

        assertEquals(Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
        Review review = probe.attempt(id).reviews().get(0);
        assertEquals("FAILURE_AFTER_SUCCESS", review.reason());
        assertEquals(FactSource.INQUIRY, review.source());
        assertEquals(failed(id).describe(), review.fact());
        NeedsReview event = probe.newEvents(NeedsReview.class).get(0);
        assertEquals("FAILURE_AFTER_SUCCESS", event.reason());
        AuditEntry audit = probe.newAuditEntries().get(0);
        assertEquals("AUTHORIZED", audit.fromState());
        assertEquals("AUTHORIZED", audit.toState());
        assertTrue(audit.detail().startsWith("needs review"), audit.detail());
    }

    @Test
    public void the_same_contradiction_is_recorded_once() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(succeeded(id));
        probe.apply(failed(id), FactSource.NOTIFICATION);
        OrderSnapshot before = probe.order().snapshot();
        probe.markSeen();

        FactOutcome again = probe.apply(failed(id), FactSource.INQUIRY);

        assertEquals(Kind.ALREADY_RECORDED, again.kind());
        assertEquals(before, probe.order().snapshot());
        assertTrue(probe.newEvents().isEmpty());
        assertTrue(probe.newAuditEntries().isEmpty());
    }

    @Test
    public void a_success_after_a_failure_is_real_money_and_raised_loudly() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(failed(id));
        probe.markSeen();

        assertEquals(Kind.RECORDED_FOR_REVIEW, probe.apply(succeeded(id)).kind());

        assertEquals(AttemptStatus.FAILED, probe.status(id), "terminal states never regress");
        NeedsReview event = probe.newEvents(NeedsReview.class).get(0);
        assertEquals("SUCCESS_AFTER_FAILURE", event.reason());
        assertTrue(event.moneyAtRisk());
    }

    @Test
    public void a_success_after_a_cancellation_is_real_money_and_raised_loudly() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(cancelled(id), FactSource.API_RESPONSE);
        probe.markSeen();

        probe.apply(succeeded(id));

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        NeedsReview event = probe.newEvents(NeedsReview.class).get(0);
        assertEquals("SUCCESS_AFTER_CANCELLATION", event.reason());
        assertTrue(event.moneyAtRisk());
    }

    @Test
    public void a_success_for_another_amount_is_recorded_for_review() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        FactOutcome outcome = probe.apply(new PaymentSucceeded(id, paymentIdOf(id), sgd(1), probe.now(), null, null));

        assertEquals(Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals(AttemptStatus.PENDING, probe.status(id));
        assertEquals("AMOUNT_MISMATCH", probe.attempt(id).reviews().get(0).reason());
    }

    @Test
    public void a_fact_naming_another_antom_payment_id_is_recorded_for_review() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        probe.apply(new PaymentSucceeded(id, PaymentId.of("someone-else"), sgd(4200), probe.now(), null, null));

        assertEquals(AttemptStatus.PENDING, probe.status(id));
        assertEquals("PAYMENT_ID_MISMATCH", probe.attempt(id).reviews().get(0).reason());
    }

    @Test
    public void a_success_found_only_by_antoms_payment_id_is_recorded_for_review_not_applied() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.markSeen();
        PaymentSucceeded unknownRequestId = new PaymentSucceeded(attempt("pay-unknown"), paymentIdOf(id), sgd(4200),
                probe.now(), null, null);

        FactOutcome outcome = probe.apply(unknownRequestId);

        assertEquals(Kind.RECORDED_FOR_REVIEW, outcome.kind());
        assertEquals(id, outcome.attempt());
        assertEquals(AttemptStatus.PENDING, probe.status(id));
        assertEquals(OrderStatus.OPEN, probe.order().status());
        assertTrue(probe.newEvents(OrderAuthorized.class).isEmpty(), "not counted as the order's success");
        Review review = probe.attempt(id).reviews().get(0);
        assertEquals("PAYMENT_REQUEST_ID_MISMATCH", review.reason());
        assertTrue(review.moneyAtRisk());
        NeedsReview raised = probe.newEvents(NeedsReview.class).get(0);
        assertTrue(raised.detail().contains("pay-unknown"), raised.detail());
    }

    @Test
    public void a_failure_or_cancellation_found_only_by_antoms_payment_id_is_recorded_too() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());

        probe.apply(new PaymentFailed(attempt("pay-unknown"), paymentIdOf(id), ResultCode.of("DO_NOT_HONOR"), "no"));
        probe.apply(new PaymentCancelled(attempt("pay-other"), paymentIdOf(id), probe.now()));

        assertEquals(AttemptStatus.PENDING, probe.status(id));
        assertEquals(List.of("PAYMENT_REQUEST_ID_MISMATCH", "PAYMENT_REQUEST_ID_MISMATCH"),
                probe.attempt(id).reviews().stream().map(Review::reason).toList());
    }

    @Test
    public void a_capture_result_naming_another_antom_payment_is_recorded_for_review() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        probe.order().requestCapture(id, sgd(4200), captureRequestIdOf(id), AuditSource.MERCHANT, probe.now()).value();

        FactOutcome failed = probe.apply(new CaptureFailed(PaymentId.of("someone-else"), captureRequestIdOf(id),
                ResultCode.of("PROCESS_FAIL"), "no"));
        FactOutcome processing = probe.apply(new CaptureProcessing(PaymentId.of("someone-else"),
                captureRequestIdOf(id)));

        assertEquals(Kind.RECORDED_FOR_REVIEW, failed.kind());
        assertEquals(Kind.RECORDED_FOR_REVIEW, processing.kind());
        assertEquals(CaptureStatus.REQUESTED, probe.attempt(id).capture().status(), "the capture still awaits its own answer");
        assertEquals("PAYMENT_ID_MISMATCH", probe.attempt(id).reviews().get(0).reason());
    }

    @Test
    public void an_in_process_report_after_the_success_is_older_news() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(succeeded(id));

        assertEquals(Kind.NO_CHANGE, probe.apply(inProcess(id), FactSource.INQUIRY).kind());
        assertEquals(AttemptStatus.AUTHORIZED, probe.status(id));
    }

    @Test
    public void a_cancellation_before_success_cancels_the_attempt() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.markSeen();

        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        assertEquals(1, probe.newEvents(PaymentAttemptCancelled.class).size());
        assertEquals(OrderStatus.OPEN, probe.order().status());
    }

    @Test
    public void cancelling_the_authorized_payment_releases_it_and_closes_the_order() {
        PaymentRequestId id = probe.authorized("pay-1", manualCapture());
        probe.markSeen();

        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        assertEquals(AttemptStatus.CANCELLED, probe.status(id));
        assertEquals(OrderStatus.CLOSED, probe.order().status());
        assertEquals(1, probe.newEvents(AuthorizationReleased.class).size());
        assertNotNull(probe.attempt(id).authorization(), "the authorization that was released is remembered");
        AuditEntry orderChange = probe.newAuditEntries(AuditSubject.ORDER).get(0);
        assertEquals("AUTHORIZED", orderChange.fromState());
        assertEquals("CLOSED", orderChange.toState());
        assertEquals(AuditSource.API_RESPONSE, orderChange.source());
    }

    @Test
    public void a_failure_for_a_cancelled_attempt_that_never_succeeded_changes_nothing() {
        PaymentRequestId id = probe.pending("pay-1", automaticCapture());
        probe.apply(cancelled(id), FactSource.API_RESPONSE);

        assertEquals(Kind.NO_CHANGE, probe.apply(failed(id)).kind());
        assertTrue(probe.attempt(id).reviews().isEmpty());
    }

    @Test
    public void a_fact_about_an_attempt_the_order_does_not_have_is_not_found() {
        probe.pending("pay-1", automaticCapture());

        FactOutcome outcome = probe.apply(succeeded(attempt("pay-elsewhere")));

        assertEquals(Kind.NOT_FOUND, outcome.kind());
        assertNull(outcome.attempt());
        assertTrue(!probe.order().snapshot().attempts().isEmpty());
    }

    @Test
    public void every_transition_is_audited_with_its_source_and_time() {
        PaymentRequestId id = probe.started("pay-1", automaticCapture());
        probe.markSeen();

        probe.after(Duration.ofSeconds(3)).apply(inProcess(id), FactSource.API_RESPONSE);
        probe.after(Duration.ofSeconds(30)).apply(succeeded(id), FactSource.NOTIFICATION);

        var attemptEntries = probe.newAuditEntries(AuditSubject.ATTEMPT);
        assertEquals(2, attemptEntries.size());
        assertEquals("INITIATED", attemptEntries.get(0).fromState());
        assertEquals("PENDING", attemptEntries.get(0).toState());
        assertEquals(AuditSource.API_RESPONSE, attemptEntries.get(0).source());
        assertEquals(probe.now().minusSeconds(30), attemptEntries.get(0).at());
        assertEquals("AUTHORIZED", attemptEntries.get(1).toState());
        assertEquals(AuditSource.NOTIFICATION, attemptEntries.get(1).source());
        assertEquals(probe.now(), attemptEntries.get(1).at());
        assertEquals("OPEN", probe.newAuditEntries(AuditSubject.ORDER).get(0).fromState());
    }
}
