package org.payengine.application.worker;

import java.time.Instant;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;

/**
 * A look at a cancel whose answer was lost: the cancel is sent again through {@link CancelPayment} — Antom cancels a
 * payment once, and answers a repeated cancel with the same result — so Antom's answer settles it either way: the
 * attempt {@code CANCELLED}, or the cancel refused and no longer awaited.
 */
final class CancelResultLook implements FollowUp.Look {

    private final CancelPayment cancelPayment;

    CancelResultLook(CancelPayment cancelPayment) {
        this.cancelPayment = cancelPayment;
    }

    @Override
    public boolean take(PaymentAttempt attempt, FollowUpReason reason, Instant now) {
        Result<PaymentAttempt> cancelled = cancelPayment.cancel(attempt.id(), AuditSource.WORKER);
        return cancelled.isAccepted() || !(cancelled.rejection() instanceof AntomBusy);
    }
}
