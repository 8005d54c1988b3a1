package org.payengine.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The authorization of an attempt's funds.
 *
 * @param authorizedAt         when Antom authorized the payment (its {@code paymentTime}, else when PayEngine learned it)
 * @param authExpiresAt        Antom's {@code authExpiryTime}, {@code null} when not given
 * @param captureDeadline      for manual capture, the instant from which capturing is refused; {@code null} for automatic capture
 * @param deadlineWarningRaised whether the "capture deadline near" event was raised already
 * @param cancelRequestedAt    when a cancel of this authorization was sent to Antom whose answer is not known yet
 *                             (the call timed out, or the process died during it); {@code null} when none is awaited
 */
public record Authorization(Instant authorizedAt, Instant authExpiresAt, Instant captureDeadline,
                            boolean deadlineWarningRaised, Instant cancelRequestedAt) {

    /** Antom releases a manual-capture authorization this long after it was granted. */
    public static final Duration CAPTURE_WINDOW = Duration.ofDays(7);

    public Authorization {
        Objects.requireNonNull(authorizedAt, "authorizedAt");
    }

    /**
     * A new authorization. With manual capture the deadline is the earlier of authorization + 7 days and
     * Antom's {@code authExpiryTime}; with automatic capture there is none (Antom captures by itself).
     */
    public static Authorization granted(CaptureMode mode, Instant authorizedAt, Instant authExpiresAt) {
        return new Authorization(authorizedAt, authExpiresAt, deadline(mode, authorizedAt, authExpiresAt), false, null);
    }

    /** This authorization, having learned Antom's {@code authExpiryTime} (which can only bring the deadline forward). */
    Authorization withAuthExpiry(CaptureMode mode, Instant expiresAt) {
        if (expiresAt == null || authExpiresAt != null) {
            return this;
        }
        return new Authorization(authorizedAt, expiresAt, deadline(mode, authorizedAt, expiresAt), deadlineWarningRaised,
                cancelRequestedAt);
    }

    Authorization withDeadlineWarningRaised() {
        return new Authorization(authorizedAt, authExpiresAt, captureDeadline, true, cancelRequestedAt);
    }

    /** This authorization with a cancel sent to Antom at {@code at} whose answer is not known yet; null: none. */
    Authorization withCancelRequestedAt(Instant at) {
        return new Authorization(authorizedAt, authExpiresAt, captureDeadline, deadlineWarningRaised, at);
    }

    /** Whether a cancel was sent to Antom and its answer is not known yet: a follow-up settles it. */
    public boolean cancelAwaited() {
        return cancelRequestedAt != null;
    }

    /** Whether a capture requested at {@code now} is still inside the window. */
    public boolean allowsCaptureAt(Instant now) {
        return captureDeadline != null && now.isBefore(captureDeadline);
    }

    private static Instant deadline(CaptureMode mode, Instant authorizedAt, Instant authExpiresAt) {
        if (mode != CaptureMode.MANUAL) {
            return null;
        }
        Instant sevenDays = authorizedAt.plus(CAPTURE_WINDOW);
        return authExpiresAt != null && authExpiresAt.isBefore(sevenDays) ? authExpiresAt : sevenDays;
    }
}
