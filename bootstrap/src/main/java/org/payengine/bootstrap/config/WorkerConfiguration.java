package org.payengine.bootstrap.config;

import java.time.Duration;
import java.util.List;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.application.worker.CaptureGuardPolicy;
import org.payengine.application.worker.CaptureGuardSettings;
import org.payengine.application.worker.FollowUpPolicy;
import org.payengine.application.worker.WorkerSettings;

/**
 * Reads the background workers' settings ({@code PAYENGINE_WORKER*}, {@code PAYENGINE_POLL_*},
 * {@code PAYENGINE_CAPTURE_GUARD_*}, {@code PAYENGINE_REMEDIATION_*}, {@code PAYENGINE_OUTBOX_*}) into
 * {@link WorkerSettings}. Each value is checked on its own here, naming its setting; what only the values together
 * can say (a lead longer than the margin, …) is the records' own check, reported under the workers' part.
 */
final class WorkerConfiguration {

    private static final Duration ONE_MILLI = Duration.ofMillis(1);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private WorkerConfiguration() {
    }

    static WorkerSettings read(SettingsReader reader) {
        boolean enabled = reader.flag(Setting.WORKERS);
        String nodeId = reader.text(Setting.WORKER_NODE_ID).orElse(null); // made up per process when absent
        int threads = reader.integer(Setting.WORKER_THREADS, 1, 1024);
        int batch = reader.integer(Setting.WORKER_BATCH, 1, 10_000);
        Duration lease = reader.seconds(Setting.WORKER_LEASE_SECONDS, ONE_SECOND);
        Duration idle = reader.millis(Setting.WORKER_IDLE_MILLIS, ONE_MILLI);
        double jitter = reader.number(Setting.WORKER_JITTER, 0, 1);
        FollowUpPolicy followUps = followUps(reader);
        AntomPacing pacing = pacing(reader);
        CaptureGuardPolicy policy = reader.choice(Setting.CAPTURE_GUARD_POLICY, CaptureGuardPolicy.class);
        Duration lead = reader.seconds(Setting.CAPTURE_GUARD_LEAD_SECONDS, ONE_SECOND);
        Duration margin = reader.seconds(Setting.CAPTURE_GUARD_MARGIN_SECONDS, ONE_SECOND);
        Duration recheck = reader.seconds(Setting.CAPTURE_GUARD_RECHECK_SECONDS, ONE_SECOND);
        Duration remediationFirst = reader.seconds(Setting.REMEDIATION_RETRY_SECONDS, ONE_SECOND);
        Duration remediationMax = reader.seconds(Setting.REMEDIATION_MAX_RETRY_SECONDS, ONE_SECOND);
        Duration outboxFirst = reader.seconds(Setting.OUTBOX_RETRY_SECONDS, ONE_SECOND);
        Duration outboxMax = reader.seconds(Setting.OUTBOX_MAX_RETRY_SECONDS, ONE_SECOND);
        int maxFailures = reader.integer(Setting.OUTBOX_MAX_FAILURES, 1, 1_000_000);
        return reader.attempt("workers (PAYENGINE_WORKER_*, PAYENGINE_FOLLOW_UP_*, PAYENGINE_CAPTURE_GUARD_*, …)",
                () -> new WorkerSettings(enabled, nodeId, threads, batch, lease, idle, jitter, followUps,
                        new CaptureGuardSettings(policy, lead, margin, recheck),
                        new Backoff(remediationFirst, remediationMax, jitter),
                        new Backoff(outboxFirst, outboxMax, jitter), maxFailures, pacing)).orElse(null);
    }

    /** When the workers ask Antom, by signal; the buyer's returns are part of it. */
    private static FollowUpPolicy followUps(SettingsReader reader) {
        Duration callWindow = reader.seconds(Setting.FOLLOW_UP_CALL_WINDOW_SECONDS, Duration.ZERO);
        List<Duration> unknownWaits = reader.parsed(Setting.FOLLOW_UP_UNKNOWN_SCHEDULE,
                "is not a list of durations like 5s,1m,2h", WorkerConfiguration::schedule);
        Duration paymentGrace = reader.seconds(Setting.FOLLOW_UP_PAYMENT_GRACE_SECONDS, Duration.ZERO);
        Duration resultGrace = reader.seconds(Setting.FOLLOW_UP_RESULT_GRACE_SECONDS, Duration.ZERO);
        List<Duration> overdueWaits = reader.parsed(Setting.FOLLOW_UP_OVERDUE_SCHEDULE,
                "is not a list of durations like 5m,1h,24h", WorkerConfiguration::schedule);
        Duration buyerGap = reader.seconds(Setting.FOLLOW_UP_BUYER_GAP_SECONDS, ONE_SECOND);
        int buyerLooks = reader.integer(Setting.FOLLOW_UP_BUYER_LOOKS, 0, 10);
        int buyerReturns = reader.integer(Setting.FOLLOW_UP_BUYER_RETURNS, 0, 100);
        return reader.attempt("follow-ups (PAYENGINE_FOLLOW_UP_*)", () -> new FollowUpPolicy(callWindow, unknownWaits,
                paymentGrace, resultGrace, overdueWaits, new BuyerLooks(buyerGap, buyerLooks, buyerReturns)))
                .orElse(FollowUpPolicy.DEFAULT);
    }

    /** How fast this node may call Antom. */
    private static AntomPacing pacing(SettingsReader reader) {
        int perSecond = reader.integer(Setting.ANTOM_CALLS_PER_SECOND, 1, 100_000);
        Duration wait = reader.millis(Setting.ANTOM_CALL_WAIT_MILLIS, Duration.ZERO);
        Duration backoff = reader.seconds(Setting.ANTOM_BACKOFF_SECONDS, ONE_SECOND);
        Duration maxBackoff = reader.seconds(Setting.ANTOM_MAX_BACKOFF_SECONDS, ONE_SECOND);
        return reader.attempt("pacing (PAYENGINE_ANTOM_CALLS_PER_SECOND, …)",
                () -> new AntomPacing(perSecond, wait, backoff, maxBackoff)).orElse(AntomPacing.DEFAULT);
    }

    private static List<Duration> schedule(String written) {
        List<Duration> waits = FollowUpPolicy.durations(written.split(","));
        if (waits.isEmpty() || waits.stream().anyMatch(wait -> wait.isZero() || wait.isNegative())) {
            throw new IllegalArgumentException("needs at least one positive wait");
        }
        return waits;
    }
}
