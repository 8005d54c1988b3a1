package org.payengine.application.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.payengine.application.usecase.Backoff;

/**
 * How this node's background workers run. Every setting has a default; {@link #fromNamedValues} reads them from
 * the environment or a properties file under these names:
 *
 * <table>
 *   <caption>Worker settings</caption>
 *   <tr><th>name</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code PAYENGINE_WORKERS}</td><td>{@code true}</td><td>run the workers on this node</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_NODE_ID}</td><td>host-pid-random</td><td>this node's name on the leases it
 *       holds (unique per running process)</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_THREADS}</td><td>4</td><td>threads working due items (calls to Antom, event
 *       deliveries) at once</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_BATCH}</td><td>50</td><td>items one run of a worker claims at most</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_LEASE_SECONDS}</td><td>120</td><td>how long a claimed item is reserved for
 *       this node; longer than any item's work may take</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_IDLE_MILLIS}</td><td>1000</td><td>pause after a run that left nothing due</td></tr>
 *   <tr><td>{@code PAYENGINE_WORKER_JITTER}</td><td>0.2</td><td>fraction (0–1) every pause, poll and retry is
 *       spread by at random, so nodes do not fall into step</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_FAST_INTERVAL_MILLIS}</td><td>2000</td><td>how often an awaited result is asked
 *       for at first (Antom's advice)</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_FAST_PHASE_SECONDS}</td><td>120</td><td>how long the fast polling lasts</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_BACKOFF}</td><td>2.0</td><td>factor the waits between polls grow by after
 *       it</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_MAX_INTERVAL_SECONDS}</td><td>60</td><td>longest wait between two polls</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_EXPIRY_GRACE_SECONDS}</td><td>300</td><td>past a payment's expiry plus this,
 *       a payment Antom still calls processing is cancelled at Antom</td></tr>
 *   <tr><td>{@code PAYENGINE_POLL_CALL_WINDOW_SECONDS}</td><td>60</td><td>how long a pay or capture call may still
 *       be in flight; the poller leaves younger ones to it</td></tr>
 *   <tr><td>{@code PAYENGINE_CAPTURE_GUARD_POLICY}</td><td>{@code CANCEL}</td><td>{@code CANCEL} or {@code CAPTURE}
 *       ({@link CaptureGuardPolicy})</td></tr>
 *   <tr><td>{@code PAYENGINE_CAPTURE_GUARD_LEAD_SECONDS}</td><td>86400</td><td>how long before the capture deadline
 *       "capture deadline near" is raised (and, with {@code CAPTURE}, the capture made)</td></tr>
 *   <tr><td>{@code PAYENGINE_CAPTURE_GUARD_MARGIN_SECONDS}</td><td>900</td><td>how long before the deadline an
 *       uncaptured authorization is cancelled</td></tr>
 *   <tr><td>{@code PAYENGINE_CAPTURE_GUARD_RECHECK_SECONDS}</td><td>3600</td><td>longest an authorization goes
 *       unlooked at</td></tr>
 *   <tr><td>{@code PAYENGINE_REMEDIATION_RETRY_SECONDS}</td><td>5</td><td>first retry of undoing a duplicate;
 *       doubling</td></tr>
 *   <tr><td>{@code PAYENGINE_REMEDIATION_MAX_RETRY_SECONDS}</td><td>600</td><td>longest wait between two
 *       tries</td></tr>
 *   <tr><td>{@code PAYENGINE_OUTBOX_RETRY_SECONDS}</td><td>5</td><td>first retry of an event the sink refused;
 *       doubling</td></tr>
 *   <tr><td>{@code PAYENGINE_OUTBOX_MAX_RETRY_SECONDS}</td><td>3600</td><td>longest wait between two
 *       deliveries</td></tr>
 *   <tr><td>{@code PAYENGINE_OUTBOX_MAX_FAILURES}</td><td>20</td><td>failed deliveries after which an event is
 *       dead-lettered (set aside, logged, listed) and its order's next events go ahead</td></tr>
 * </table>
 *
 * @param outboxMaxFailures failed deliveries after which an event is dead-lettered
 */
public record WorkerSettings(boolean enabled, String nodeId, int threads, int batchSize, Duration lease,
                             Duration idle, double jitter, PollSchedule poll, CaptureGuardSettings guard,
                             Backoff remediationRetry, Backoff outboxRetry, int outboxMaxFailures) {

    public static final String WORKERS = "PAYENGINE_WORKERS";
    public static final String NODE_ID = "PAYENGINE_WORKER_NODE_ID";
    public static final String THREADS = "PAYENGINE_WORKER_THREADS";
    public static final String BATCH = "PAYENGINE_WORKER_BATCH";
    public static final String LEASE_SECONDS = "PAYENGINE_WORKER_LEASE_SECONDS";
    public static final String IDLE_MILLIS = "PAYENGINE_WORKER_IDLE_MILLIS";
    public static final String JITTER = "PAYENGINE_WORKER_JITTER";
    public static final String POLL_FAST_INTERVAL_MILLIS = "PAYENGINE_POLL_FAST_INTERVAL_MILLIS";
    public static final String POLL_FAST_PHASE_SECONDS = "PAYENGINE_POLL_FAST_PHASE_SECONDS";
    public static final String POLL_BACKOFF = "PAYENGINE_POLL_BACKOFF";
    public static final String POLL_MAX_INTERVAL_SECONDS = "PAYENGINE_POLL_MAX_INTERVAL_SECONDS";
    public static final String POLL_EXPIRY_GRACE_SECONDS = "PAYENGINE_POLL_EXPIRY_GRACE_SECONDS";
    public static final String POLL_CALL_WINDOW_SECONDS = "PAYENGINE_POLL_CALL_WINDOW_SECONDS";
    public static final String GUARD_POLICY = "PAYENGINE_CAPTURE_GUARD_POLICY";
    public static final String GUARD_LEAD_SECONDS = "PAYENGINE_CAPTURE_GUARD_LEAD_SECONDS";
    public static final String GUARD_MARGIN_SECONDS = "PAYENGINE_CAPTURE_GUARD_MARGIN_SECONDS";
    public static final String GUARD_RECHECK_SECONDS = "PAYENGINE_CAPTURE_GUARD_RECHECK_SECONDS";
    public static final String REMEDIATION_RETRY_SECONDS = "PAYENGINE_REMEDIATION_RETRY_SECONDS";
    public static final String REMEDIATION_MAX_RETRY_SECONDS = "PAYENGINE_REMEDIATION_MAX_RETRY_SECONDS";
    public static final String OUTBOX_RETRY_SECONDS = "PAYENGINE_OUTBOX_RETRY_SECONDS";
    public static final String OUTBOX_MAX_RETRY_SECONDS = "PAYENGINE_OUTBOX_MAX_RETRY_SECONDS";
    public static final String OUTBOX_MAX_FAILURES = "PAYENGINE_OUTBOX_MAX_FAILURES";

    private static final double DEFAULT_JITTER = 0.2;

    public WorkerSettings {
        nodeId = nodeId == null || nodeId.isBlank() ? newNodeId() : nodeId.strip();
        if (nodeId.length() > 128) {
            throw new IllegalArgumentException("nodeId must be at most 128 characters, was " + nodeId.length());
        }
        requireAtLeastOne("threads", threads);
        requireAtLeastOne("batchSize", batchSize);
        requirePositive("lease", lease);
        requirePositive("idle", idle);
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(remediationRetry, "remediationRetry");
        Objects.requireNonNull(outboxRetry, "outboxRetry");
        requireAtLeastOne("outboxMaxFailures", outboxMaxFailures);
    }

    /** Every default, with a new node id. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(true, null, 4, 50, Duration.ofMinutes(2), Duration.ofSeconds(1), DEFAULT_JITTER,
                PollSchedule.DEFAULT, CaptureGuardSettings.DEFAULT,
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), DEFAULT_JITTER),
                new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), DEFAULT_JITTER), 20);
    }

    /**
     * Reads the settings from named values, e.g. {@code System::getenv} or a properties file's {@code getProperty};
     * names not set take their defaults.
     *
     * @throws IllegalArgumentException naming the setting and what is wrong with its value
     */
    public static WorkerSettings fromNamedValues(UnaryOperator<String> values) {
        Reader read = new Reader(values);
        WorkerSettings defaults = defaults();
        PollSchedule poll = defaults.poll();
        CaptureGuardSettings guard = defaults.guard();
        boolean enabled = read.flag(WORKERS, defaults.enabled());
        String nodeId = read.text(NODE_ID).orElse(null);
        int threads = read.integer(THREADS, defaults.threads());
        int batch = read.integer(BATCH, defaults.batchSize());
        Duration lease = read.seconds(LEASE_SECONDS, defaults.lease());
        Duration idle = read.millis(IDLE_MILLIS, defaults.idle());
        double jitter = read.number(JITTER, defaults.jitter());
        Duration fastInterval = read.millis(POLL_FAST_INTERVAL_MILLIS, poll.fastInterval());
        Duration fastPhase = read.seconds(POLL_FAST_PHASE_SECONDS, poll.fastPhase());
        double backoff = read.number(POLL_BACKOFF, poll.backoff());
        Duration maxInterval = read.seconds(POLL_MAX_INTERVAL_SECONDS, poll.maxInterval());
        Duration expiryGrace = read.seconds(POLL_EXPIRY_GRACE_SECONDS, poll.expiryGrace());
        Duration callWindow = read.seconds(POLL_CALL_WINDOW_SECONDS, poll.callWindow());
        CaptureGuardPolicy policy = read.policy(GUARD_POLICY, guard.policy());
        Duration lead = read.seconds(GUARD_LEAD_SECONDS, guard.lead());
        Duration margin = read.seconds(GUARD_MARGIN_SECONDS, guard.margin());
        Duration recheck = read.seconds(GUARD_RECHECK_SECONDS, guard.recheck());
        Duration remediationFirst = read.seconds(REMEDIATION_RETRY_SECONDS, defaults.remediationRetry().first());
        Duration remediationMax = read.seconds(REMEDIATION_MAX_RETRY_SECONDS, defaults.remediationRetry().max());
        Duration outboxFirst = read.seconds(OUTBOX_RETRY_SECONDS, defaults.outboxRetry().first());
        Duration outboxMax = read.seconds(OUTBOX_MAX_RETRY_SECONDS, defaults.outboxRetry().max());
        int maxFailures = read.integer(OUTBOX_MAX_FAILURES, defaults.outboxMaxFailures());
        try {
            return new WorkerSettings(enabled, nodeId, threads, batch, lease, idle, jitter,
                    new PollSchedule(fastInterval, fastPhase, backoff, maxInterval, expiryGrace, callWindow),
                    new CaptureGuardSettings(policy, lead, margin, recheck),
                    new Backoff(remediationFirst, remediationMax, jitter), new Backoff(outboxFirst, outboxMax, jitter),
                    maxFailures);
        } catch (IllegalArgumentException inconsistent) {
            throw new IllegalArgumentException("Worker settings (PAYENGINE_WORKER_*, PAYENGINE_POLL_*, "
                    + "PAYENGINE_CAPTURE_GUARD_*, …): " + inconsistent.getMessage(), inconsistent);
        }
    }

    public WorkerSettings withEnabled(boolean on) {
        return new WorkerSettings(on, nodeId, threads, batchSize, lease, idle, jitter, poll, guard, remediationRetry,
                outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withNodeId(String id) {
        return new WorkerSettings(enabled, id, threads, batchSize, lease, idle, jitter, poll, guard, remediationRetry,
                outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withBatchSize(int items) {
        return new WorkerSettings(enabled, nodeId, threads, items, lease, idle, jitter, poll, guard, remediationRetry,
                outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withLease(Duration leaseFor) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, leaseFor, idle, jitter, poll, guard,
                remediationRetry, outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withIdle(Duration pause) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, pause, jitter, poll, guard,
                remediationRetry, outboxRetry, outboxMaxFailures);
    }

    /** These settings without any randomness: exact pauses, polls and retries (for tests). */
    public WorkerSettings withoutJitter() {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, 0, poll, guard,
                new Backoff(remediationRetry.first(), remediationRetry.max(), 0),
                new Backoff(outboxRetry.first(), outboxRetry.max(), 0), outboxMaxFailures);
    }

    public WorkerSettings withPoll(PollSchedule schedule) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, schedule, guard,
                remediationRetry, outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withGuard(CaptureGuardSettings guardSettings) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, poll, guardSettings,
                remediationRetry, outboxRetry, outboxMaxFailures);
    }

    public WorkerSettings withOutboxMaxFailures(int failures) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, poll, guard,
                remediationRetry, outboxRetry, failures);
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** host-pid-random: unique per running process, readable in the lease columns. */
    private static String newNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException unknown) {
            host = "node";
        }
        String shortHost = host.length() > 64 ? host.substring(0, 64) : host;
        return shortHost + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads one named value at a time, naming the setting in every complaint. */
    private record Reader(UnaryOperator<String> values) {

        Optional<String> text(String name) {
            String value = values.apply(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        boolean flag(String name, boolean absent) {
            return parse(name, absent, value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("is neither true nor false");
            });
        }

        int integer(String name, int absent) {
            return parse(name, absent, Integer::parseInt);
        }

        double number(String name, double absent) {
            return parse(name, absent, Double::parseDouble);
        }

        Duration seconds(String name, Duration absent) {
            return parse(name, absent, value -> Duration.ofSeconds(Long.parseLong(value)));
        }

        Duration millis(String name, Duration absent) {
            return parse(name, absent, value -> Duration.ofMillis(Long.parseLong(value)));
        }

        CaptureGuardPolicy policy(String name, CaptureGuardPolicy absent) {
            return parse(name, absent, value -> {
                try {
                    return CaptureGuardPolicy.valueOf(value.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    throw new IllegalArgumentException("is neither CANCEL nor CAPTURE");
                }
            });
        }

        private <T> T parse(String name, T absent, Function<String, T> parser) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return absent;
            }
            try {
                return parser.apply(value.get());
            } catch (IllegalArgumentException bad) {
                String why = bad instanceof NumberFormatException ? "is not a number" : bad.getMessage();
                throw new IllegalArgumentException(name + ": '" + value.get() + "' " + why, bad);
            }
        }
    }
}
