package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.domain.Result;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.RemediationStatus;

/**
 * Undoes duplicate successes, one {@link RemediateDuplicate} step per run, until Antom confirms: cancel at Antom;
 * where Antom refuses to cancel a captured card payment, a full refund under one refund request id kept across
 * retries. Failed or unanswered steps are retried with {@link WorkerSettings#remediationRetry() backoff}. The
 * order's owner hears of each outcome through the order's events (duplicate cancelled, refunded, or needs review).
 */
final class DuplicateRemediation implements DueItemHandler {

    private static final System.Logger LOG = System.getLogger(DuplicateRemediation.class.getName());

    private final RemediateDuplicate remediateDuplicate;
    private final Backoff retry;
    private final RandomGenerator random;

    DuplicateRemediation(RemediateDuplicate remediateDuplicate, WorkerSettings settings, RandomGenerator random) {
        this.remediateDuplicate = remediateDuplicate;
        this.retry = settings.remediationRetry();
        this.random = random;
    }

    @Override
    public Next work(Claim item, Instant now) {
        Result<PaymentAttempt> step = remediateDuplicate.remediate(item.attempt());
        RemediationStatus status = step.isAccepted() ? step.value().remediation().orElse(null) : null;
        if (status != null && !status.isDone()) {
            LOG.log(Level.DEBUG, () -> "duplicate remediation: " + item.attempt() + " is " + status + " after try "
                    + item.claims());
        }
        return Next.at(now.plus(retry.after(item.claims(), random)));
    }
}
