package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.application.usecase.GatewayOperation.Sent;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;

/**
 * Asks Antom how an attempt stands now and applies the answer through the same path as every other fact.
 * Works for an attempt whose pay call never answered ({@code INITIATED}, {@code UNKNOWN}): the inquiry goes
 * by payment request id. Also asks about an unresolved refund of a duplicate.
 *
 * <p>Two ways in. {@link #sync} is the buyer's return (or the merchant asking for fresh data): it asks only while the
 * payment result is awaited, and only as {@link BuyerLooks} allows, so no caller can make the engine ask Antom in a
 * loop; otherwise it answers what the engine knows. {@link #inquire} is the background follow-up's, whose own
 * schedule and cap decide when it runs.
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
    private final GatewayOperation operation;
    private final RefundCalls refunds;
    private final DueWork dueWork;
    private final BuyerLooks buyerLooks;

    @Inject
    public SyncPayment(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                       Clock clock, DueWork dueWork, CallBudget budget, BuyerLooks buyerLooks) {
        this.gateway = gateway;
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
        this.refunds = new RefundCalls(operation, gateway);
        this.dueWork = dueWork;
        this.buyerLooks = buyerLooks;
    }

    /**
     * The buyer is back, or the merchant asks for fresh data: asks Antom if the payment result is still awaited and
     * {@link BuyerLooks} allows, and arms the following looks.
     *
     * @return the attempt as it stands (after Antom's answer when Antom was asked), and how the inquiry went
     *         ({@link Inquiry#NOT_ASKED} when it was not needed or not allowed); or {@link PaymentNotFound}
     */
    public Result<Synced> sync(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = operation.attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(attemptId));
        }
        PaymentAttempt attempt = found.get();
        if (!attempt.status().isAwaitingResult()) {
            return Result.accepted(new Synced(attempt, Inquiry.NOT_ASKED, "the payment's result is known"));
        }
        Instant now = clock.now();
        boolean mayAsk = dueWork.buyerReturned(attemptId, now, now.minus(buyerLooks.gap()), buyerLooks.maxReturns(),
                buyerLooks.following(), now.plus(buyerLooks.gap()));
        if (!mayAsk) {
            return Result.accepted(new Synced(attempt, Inquiry.NOT_ASKED, "Antom was asked moments ago, or as often "
                    + "as a buyer's returns may ask; its notification will tell the result"));
        }
        return Result.accepted(ask(attempt, AuditSource.MERCHANT));
    }

    /**
     * Asks Antom now, for the background follow-ups: never waits for the call budget.
     *
     * @return the attempt after the answer was applied, and how the inquiry went; or {@link PaymentNotFound}
     */
    public Result<Synced> inquire(PaymentRequestId attemptId) {
        Optional<PaymentAttempt> found = operation.attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(attemptId));
        }
        return Result.accepted(ask(found.get(), AuditSource.WORKER));
    }

    private Synced ask(PaymentAttempt attempt, AuditSource by) {
        PaymentRequestId attemptId = attempt.id();
        Sent<PaymentInquiry, List<Fact>> sent = operation
                .call(AntomApi.INQUIRY_PAYMENT, by, new PaymentInquiry(attemptId, attempt.paymentId()))
                .send(gateway::inquirePayment);
        if (!sent.wasSent()) {
            return new Synced(attempt, Inquiry.NOT_SENT, "this engine's calls to Antom are paced");
        }
        sent.apply(FactSource.INQUIRY, OutcomeFacts.<PaymentInquiry, List<Fact>>answerIsTheFacts()
                .whenRefused((inquiry, refused) -> neverReachedAntom(attempt, refused, clock.now())
                        ? new PaymentFailed(attemptId, null, refused.code(), "Antom has no payment for this request id, "
                                + NOT_FOUND_GRACE.toMinutes() + " minutes after the attempt expired: the pay request "
                                + "never reached Antom")
                        : null));
        for (Refund refund : attempt.refunds()) {
            if (refund.status().isUnresolved()) {
                refunds.inquire(refund);
            }
        }
        PaymentAttempt now = operation.attempt(attemptId).orElseThrow();
        return new Synced(now, inquiryOf(sent.outcome()), describe(sent.outcome()));
    }

    private static Inquiry inquiryOf(GatewayOutcome<?> answer) {
        if (answer instanceof GatewayOutcome.Completed<?>) {
            return Inquiry.ANSWERED;
        }
        if (answer instanceof GatewayOutcome.Refused<?> refused) {
            return notAtAntom(refused) ? Inquiry.NOT_FOUND_AT_ANTOM : Inquiry.REFUSED;
        }
        return ((GatewayOutcome.Unknown<?>) answer).rateLimited() ? Inquiry.NOT_SENT : Inquiry.UNKNOWN;
    }

    private static boolean notAtAntom(GatewayOutcome.Refused<?> refused) {
        return ORDER_NOT_EXIST.equals(refused.code().value());
    }

    /** Antom's "no such payment", for an attempt that never got an answer, long enough after it expired. */
    private static boolean neverReachedAntom(PaymentAttempt attempt, GatewayOutcome.Refused<?> refused, Instant now) {
        return notAtAntom(refused) && neverReachedAntom(attempt, now);
    }

    private static boolean neverReachedAntom(PaymentAttempt attempt, Instant now) {
        boolean unanswered = attempt.status() == AttemptStatus.INITIATED || attempt.status() == AttemptStatus.UNKNOWN;
        return unanswered && attempt.paymentId() == null && !now.isBefore(attempt.expiresAt().plus(NOT_FOUND_GRACE));
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
        UNKNOWN,
        /** Antom was not asked: the result is known, Antom was asked moments ago, or the buyer's returns are used up. */
        NOT_ASKED,
        /** Antom was not asked, or refused for the rate of calls: the node's calls are paced. Nothing is used up. */
        NOT_SENT
    }

    /** @param detail a few words on the inquiry, for logs and answers */
    public record Synced(PaymentAttempt attempt, Inquiry inquiry, String detail) {
    }
}
