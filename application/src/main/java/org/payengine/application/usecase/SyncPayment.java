package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * Asks Antom how an attempt stands now and applies the answer through the same path as every other fact.
 * Works for an attempt whose pay call never answered ({@code INITIATED}, {@code UNKNOWN}): the inquiry goes
 * by payment request id. Also asks about each of its refunds whose result is not known yet.
 *
 * <p>Antom's {@code ORDER_NOT_EXIST} for an attempt that never got an answer means the pay request never
 * reached Antom. Only once the attempt has expired and {@link #NOT_FOUND_GRACE} has passed (so a late request
 * can no longer create the payment) is that applied as Antom's definite failure; before, nothing changes.
 */
public final class SyncPayment {

    /** How long after an attempt's expiry Antom's "no such payment" is taken as final. */
    public static final Duration NOT_FOUND_GRACE = Duration.ofMinutes(30);
    private static final String ORDER_NOT_EXIST = "ORDER_NOT_EXIST";

    private final PaymentGateway gateway;
    private final Clock clock;
    private final FactApplier applier;

    @Inject
    public SyncPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                       Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
    }

    /** @return the attempt after the answer was applied, and how the inquiry went; or {@link PaymentNotFound} */
    public Result<Synced> sync(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = applier.attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(attemptId));
        }
        PaymentAttempt attempt = found.get();
        GatewayOutcome<List<Fact>> answer = Gateway.call(
                () -> gateway.inquirePayment(new PaymentInquiry(attemptId, attempt.paymentId())));
        Inquiry inquiry = apply(attempt, answer);
        for (Refund refund : attempt.refunds()) {
            if (refund.status().isUnresolved()) {
                GatewayOutcome<RefundFact> refundAnswer = Gateway.call(
                        () -> gateway.inquireRefund(new RefundInquiry(refund.requestId(), refund.refundId())));
                if (refundAnswer instanceof GatewayOutcome.Completed<RefundFact> completed) {
                    applyAll(List.of(completed.value()));
                }
            }
        }
        PaymentAttempt now = applier.attempt(attemptId).orElseThrow();
        return Result.accepted(new Synced(now, inquiry, describe(answer)));
    }

    private Inquiry apply(PaymentAttempt attempt, GatewayOutcome<List<Fact>> answer) {
        if (answer instanceof GatewayOutcome.Completed<List<Fact>> completed) {
            applyAll(completed.value());
            return Inquiry.ANSWERED;
        }
        if (answer instanceof GatewayOutcome.Refused<List<Fact>> refused) {
            boolean notAtAntom = ORDER_NOT_EXIST.equals(refused.code().value());
            if (notAtAntom && neverReachedAntom(attempt, clock.now())) {
                applyAll(List.of(new PaymentFailed(attempt.id(), null, refused.code(),
                        "Antom has no payment for this request id, " + NOT_FOUND_GRACE.toMinutes()
                                + " minutes after the attempt expired: the pay request never reached Antom")));
            }
            return notAtAntom ? Inquiry.NOT_FOUND_AT_ANTOM : Inquiry.REFUSED;
        }
        return Inquiry.UNKNOWN;
    }

    private static boolean neverReachedAntom(PaymentAttempt attempt, Instant now) {
        boolean unanswered = attempt.status() == AttemptStatus.INITIATED || attempt.status() == AttemptStatus.UNKNOWN;
        return unanswered && attempt.paymentId() == null && !now.isBefore(attempt.expiresAt().plus(NOT_FOUND_GRACE));
    }

    private void applyAll(List<? extends Fact> facts) {
        applier.apply(facts, FactSource.INQUIRY);
    }

    private static String describe(GatewayOutcome<?> answer) {
        if (answer instanceof GatewayOutcome.Refused<?> refused) {
            return "Antom refused the inquiry: " + refused.code() + " " + refused.message();
        }
        if (answer instanceof GatewayOutcome.Unknown<?> unknown) {
            return "no definite answer: " + unknown.reason();
        }
        return "answered";
    }

    /** How the inquiry went. */
    public enum Inquiry {
        /** Antom answered; what it said was applied. */
        ANSWERED,
        /** Antom has no payment with this id ({@code ORDER_NOT_EXIST}). */
        NOT_FOUND_AT_ANTOM,
        /** Antom refused the inquiry for another reason. */
        REFUSED,
        /** No definite answer; ask again later. */
        UNKNOWN
    }

    /** @param detail a few words on the inquiry, for logs and answers */
    public record Synced(PaymentAttempt attempt, Inquiry inquiry, String detail) {
    }
}
