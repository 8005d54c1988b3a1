package org.payengine.domain.work;

/**
 * The kinds of background work an attempt can need, at most one item per kind and attempt. Which kinds an order
 * needs follows from its state alone ({@code Order.pendingWork()}); which worker does them and when is the workers'
 * business.
 */
public enum WorkKind {
    /** The payment result is awaited: the attempt is {@code INITIATED}, {@code PENDING} or {@code UNKNOWN}. Followed up by its reason's schedule. */
    PAYMENT_RESULT,
    /**
     * The capture result is awaited: an {@code AUTHORIZED} attempt whose capture is {@code REQUESTED} or
     * {@code PROCESSING}, or whose automatic capture Antom has not reported yet. Followed up by its reason's schedule (a
     * capture whose answer was lost is sent again under the same capture request id).
     */
    CAPTURE_RESULT,
    /** A cancel of an authorized attempt was sent and its answer is not known (a timeout, a crash): it is followed up. */
    CANCEL_RESULT,
    /**
     * A merchant's refund of the attempt awaits Antom's answer: one {@code REQUESTED} (its call's answer was not
     * written) or {@code PROCESSING} (its notification is awaited). The duplicate remediation follows its own refund.
     */
    REFUND_RESULT,
    /** An authorized, uncaptured manual-capture attempt (not a duplicate) runs towards its capture deadline. The capture guard watches it. */
    CAPTURE_DEADLINE,
    /** A duplicate success that is not undone yet (and whose refund did not fail). The duplicate remediation undoes it. */
    DUPLICATE
}
