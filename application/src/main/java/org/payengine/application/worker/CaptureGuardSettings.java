package org.payengine.application.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * How the capture guard treats an uncaptured manual-capture authorization.
 *
 * @param policy  what it does near the deadline
 * @param lead    how long before the deadline it raises "capture deadline near" (and, with
 *                {@link CaptureGuardPolicy#CAPTURE}, captures)
 * @param margin  how long before the deadline it cancels (with either policy, once no capture is on its way): close
 *                enough to leave the merchant every chance, far enough to be sure Antom still accepts the cancel
 * @param recheck the longest it leaves an authorization unlooked at, so a deadline Antom moved forward is noticed
 */
public record CaptureGuardSettings(CaptureGuardPolicy policy, Duration lead, Duration margin, Duration recheck) {

    public static final CaptureGuardSettings DEFAULT = new CaptureGuardSettings(CaptureGuardPolicy.CANCEL,
            Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofHours(1));

    public CaptureGuardSettings {
        Objects.requireNonNull(policy, "policy");
        WorkerSettings.requirePositive("lead", lead);
        WorkerSettings.requirePositive("margin", margin);
        WorkerSettings.requirePositive("recheck", recheck);
        if (lead.compareTo(margin) <= 0) {
            throw new IllegalArgumentException("lead (" + lead + ") must be longer than margin (" + margin + ")");
        }
    }
}
