package org.payengine.application.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.payengine.application.usecase.Backoff;

/**
 * How this node's background workers run: a plain record, every value given; {@link #defaults()} holds the values
 * the {@code serve} command uses when nothing is configured. Names of settings, parsing and the defaults' documentation
 * are the composition root's business, not this record's.
 *
 * @param enabled           whether the workers run on this node at all
 * @param nodeId            this node's name on the work items it leases; unique per running process (a new one is
 *                          made when {@code null} or blank)
 * @param threads           threads working due items (calls to Antom, event deliveries) at once
 * @param batchSize         items one run of a worker claims at most
 * @param lease             how long a claimed item is reserved for this node; longer than any item's work may take
 * @param idle              a worker's pause after a run that left nothing due
 * @param jitter            fraction (0–1) every pause, poll and retry is spread by at random
 * @param poll              when awaited payment and capture results are asked for
 * @param guard             how the capture guard treats uncaptured manual-capture authorizations
 * @param remediationRetry  the spacing of the tries to undo a duplicate payment
 * @param outboxRetry       the spacing of the deliveries of an event the event sink refused
 * @param outboxMaxFailures failed deliveries after which an event is dead-lettered
 */
public record WorkerSettings(boolean enabled, String nodeId, int threads, int batchSize, Duration lease,
                             Duration idle, double jitter, PollSchedule poll, CaptureGuardSettings guard,
                             Backoff remediationRetry, Backoff outboxRetry, int outboxMaxFailures) {

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
}
