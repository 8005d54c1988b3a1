package org.payengine.bootstrap.config;

import java.time.Duration;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.worker.CaptureGuardPolicy;
import org.payengine.application.worker.CaptureGuardSettings;
import org.payengine.application.worker.PollSchedule;
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
        Duration fastInterval = reader.millis(Setting.POLL_FAST_INTERVAL_MILLIS, ONE_MILLI);
        Duration fastPhase = reader.seconds(Setting.POLL_FAST_PHASE_SECONDS, Duration.ZERO);
        double backoff = reader.number(Setting.POLL_BACKOFF, 1, 100);
        Duration maxInterval = reader.seconds(Setting.POLL_MAX_INTERVAL_SECONDS, ONE_SECOND);
        Duration expiryGrace = reader.seconds(Setting.POLL_EXPIRY_GRACE_SECONDS, Duration.ZERO);
        Duration callWindow = reader.seconds(Setting.POLL_CALL_WINDOW_SECONDS, Duration.ZERO);
        CaptureGuardPolicy policy = reader.choice(Setting.CAPTURE_GUARD_POLICY, CaptureGuardPolicy.class);
        Duration lead = reader.seconds(Setting.CAPTURE_GUARD_LEAD_SECONDS, ONE_SECOND);
        Duration margin = reader.seconds(Setting.CAPTURE_GUARD_MARGIN_SECONDS, ONE_SECOND);
        Duration recheck = reader.seconds(Setting.CAPTURE_GUARD_RECHECK_SECONDS, ONE_SECOND);
        Duration remediationFirst = reader.seconds(Setting.REMEDIATION_RETRY_SECONDS, ONE_SECOND);
        Duration remediationMax = reader.seconds(Setting.REMEDIATION_MAX_RETRY_SECONDS, ONE_SECOND);
        Duration outboxFirst = reader.seconds(Setting.OUTBOX_RETRY_SECONDS, ONE_SECOND);
        Duration outboxMax = reader.seconds(Setting.OUTBOX_MAX_RETRY_SECONDS, ONE_SECOND);
        int maxFailures = reader.integer(Setting.OUTBOX_MAX_FAILURES, 1, 1_000_000);
        return reader.attempt("workers (PAYENGINE_WORKER_*, PAYENGINE_POLL_*, PAYENGINE_CAPTURE_GUARD_*, …)",
                () -> new WorkerSettings(enabled, nodeId, threads, batch, lease, idle, jitter,
                        new PollSchedule(fastInterval, fastPhase, backoff, maxInterval, expiryGrace, callWindow),
                        new CaptureGuardSettings(policy, lead, margin, recheck),
                        new Backoff(remediationFirst, remediationMax, jitter),
                        new Backoff(outboxFirst, outboxMax, jitter), maxFailures)).orElse(null);
    }
}
