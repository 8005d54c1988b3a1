package org.payengine.application.worker;

import java.time.Instant;
import org.payengine.application.usecase.AntomApi;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.usecase.SettleRefunds;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;

/**
 * A look at the refunds of an attempt that await Antom's answer, through {@link SettleRefunds}: a refund still
 * {@code REQUESTED} past the call window is sent again under its refund request id (Antom refunds once), one
 * {@code PROCESSING} is inquired.
 */
final class RefundResultLook implements FollowUp.Look {

    private final SettleRefunds settleRefunds;
    private final CallBudget budget;
    private final FollowUpPolicy policy;

    RefundResultLook(SettleRefunds settleRefunds, CallBudget budget, FollowUpPolicy policy) {
        this.settleRefunds = settleRefunds;
        this.budget = budget;
        this.policy = policy;
    }

    @Override
    public boolean take(PaymentAttempt attempt, FollowUpReason reason, Instant now) {
        long putOffBefore = putOff();
        settleRefunds.settle(attempt.id(), policy.callWindow());
        return putOff() == putOffBefore;
    }

    /** Calls of the refund APIs the budget put off so far: a look that saw one put off took no look at all. */
    private long putOff() {
        return budget.notAdmitted(AntomApi.REFUND) + budget.notAdmitted(AntomApi.INQUIRY_REFUND);
    }
}
