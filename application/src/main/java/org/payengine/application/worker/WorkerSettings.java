package org.payengine.application.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.payengine.application.usecase.AntomPacing;
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
 * @param lease             how long a claimed item is reserved for this node before it is renewed (every third of it
 *                          while the work runs); a dead node's items are free again within one lease
 * @param idle              a worker's pause after a run that left nothing due
 * @param jitter            fraction (0–1) every pause, look and retry is spread by at random
 * @param followUps         when Antom is asked about the results it owes, by the signal that calls for a look
 * @param guard             how the capture guard treats uncaptured manual-capture authorizations
 * @param remediationRetry  the spacing of the tries to undo a duplicate payment
 * @param outboxRetry       the spacing of the deliveries of an event the event sink refused
 * @param outboxMaxFailures failed deliveries after which an event is dead-lettered
 * @param pacing            how fast this node may call Antom, the workers and the merchant's requests together
 */
public record WorkerSettings(boolean enabled, String nodeId, int threads, int batchSize, Duration lease,
                             Duration idle, double jitter, FollowUpPolicy followUps, CaptureGuardSettings guard,
                             Backoff remediationRetry, Backoff outboxRetry, int outboxMaxFailures,
                             AntomPacing pacing) {

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
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(remediationRetry, "remediationRetry");
        Objects.requireNonNull(outboxRetry, "outboxRetry");
        requireAtLeastOne("outboxMaxFailures", outboxMaxFailures);
        Objects.requireNonNull(pacing, "pacing");
    }

    /** Every default, with a new node id. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(true, null, 4, 50, Duration.ofSeconds(15), Duration.ofSeconds(1), DEFAULT_JITTER,
                FollowUpPolicy.DEFAULT, CaptureGuardSettings.DEFAULT,
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), DEFAULT_JITTER),
                new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), DEFAULT_JITTER), 20, AntomPacing.DEFAULT);
    }

    public WorkerSettings withEnabled(boolean on) {
        return new WorkerSettings(on, nodeId, threads, batchSize, lease, idle, jitter, followUps, guard, remediationRetry,
                outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withNodeId(String id) {
        return new WorkerSettings(enabled, id, threads, batchSize, lease, idle, jitter, followUps, guard, remediationRetry,
                outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withBatchSize(int items) {
        return new WorkerSettings(enabled, nodeId, threads, items, lease, idle, jitter, followUps, guard, remediationRetry,
                outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withLease(Duration leaseFor) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, leaseFor, idle, jitter, followUps, guard,
                remediationRetry, outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withIdle(Duration pause) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, pause, jitter, followUps, guard,
                remediationRetry, outboxRetry, outboxMaxFailures, pacing);
    }

    /** These settings without any randomness: exact pauses, looks and retries (for tests). */
    public WorkerSettings withoutJitter() {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, 0, followUps, guard,
                new Backoff(remediationRetry.first(), remediationRetry.max(), 0),
                new Backoff(outboxRetry.first(), outboxRetry.max(), 0), outboxMaxFailures, pacing);
    }

    public WorkerSettings withFollowUps(FollowUpPolicy policy) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, policy, guard,
                remediationRetry, outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withGuard(CaptureGuardSettings guardSettings) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, followUps, guardSettings,
                remediationRetry, outboxRetry, outboxMaxFailures, pacing);
    }

    public WorkerSettings withPacing(AntomPacing antomPacing) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, followUps, guard,
                remediationRetry, outboxRetry, outboxMaxFailures, antomPacing);
    }

    public WorkerSettings withOutboxMaxFailures(int failures) {
        return new WorkerSettings(enabled, nodeId, threads, batchSize, lease, idle, jitter, followUps, guard,
                remediationRetry, outboxRetry, failures, pacing);
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
