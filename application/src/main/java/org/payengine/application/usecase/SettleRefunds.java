package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.PaymentNotFound;
import org.payengine.domain.Result;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;

/**
 * Settles the refunds of one attempt whose result is late or unknown, for the workers: a refund still
 * {@code REQUESTED} once its call may no longer be in flight (its answer was lost, or the process died before or
 * during the call) is sent again under its own refund request id, so Antom's idempotency answers the first refund's
 * result instead of refunding twice; a refund Antom is working on ({@code PROCESSING}) is inquired. Whatever Antom
 * says goes the one way every fact goes; no answer changes nothing and is asked again later. Each call is a
 * {@link GatewayOperation} of the workers': one the call budget does not admit is not sent and waits for the next look.
 */
public final class SettleRefunds {

    private final Clock clock;
    private final GatewayOperation operation;
    private final RefundCalls refunds;

    /** Without a call budget: every call is sent at once (tests, a gateway that is not Antom). */
    public SettleRefunds(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                         Clock clock) {
        this(transactions, orders, cardTokens, gateway, clock, CallBudget.unlimited(clock));
    }

    @Inject
    public SettleRefunds(Transactions transactions, Orders orders, CardTokens cardTokens, PaymentGateway gateway,
                         Clock clock, CallBudget budget) {
        this.clock = clock;
        this.operation = new GatewayOperation(transactions, orders, cardTokens, clock, budget);
        this.refunds = new RefundCalls(operation, gateway);
    }

    /**
     * @param callWindow how long a refund call may still be in flight: a {@code REQUESTED} refund younger than this is
     *                   left to its call
     * @return the attempt afterwards (still unsettled refunds, and those whose call the budget did not admit, are
     *         asked about again later), or {@link PaymentNotFound}
     */
    public Result<PaymentAttempt> settle(PaymentRequestId attemptId, Duration callWindow) {
        Objects.requireNonNull(callWindow, "callWindow");
        Optional<PaymentAttempt> found = operation.attempt(attemptId);
        if (found.isEmpty()) {
            return Result.refused(new PaymentNotFound(attemptId));
        }
        PaymentAttempt attempt = found.get();
        for (Refund refund : attempt.refunds()) {
            if (refund.status() == RefundStatus.REQUESTED) {
                // The window is checked before the budget is asked: a refund left to its own call takes no call.
                if (!clock.now().isBefore(refund.requestedAt().plus(callWindow))) {
                    refunds.sendRequested(attempt, refund);
                }
            } else if (refund.status() == RefundStatus.PROCESSING) {
                refunds.inquire(refund);
            }
        }
        return Result.accepted(operation.attempt(attemptId).orElseThrow());
    }

    /** Whether the attempt has a refund whose result is not known yet: the work this use case does. */
    public static boolean hasUnsettledRefunds(PaymentAttempt attempt) {
        return attempt.refunds().stream().anyMatch(refund -> refund.status().isUnresolved());
    }
}
