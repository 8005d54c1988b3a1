package org.payengine.domain.work;

/**
 * Why an attempt is followed up in the background: the signal that made a look at Antom necessary. Each reason has
 * its own schedule of looks and its own cap; a look under one reason never uses up the looks of another, and a
 * change of reason (the attempt moved on) starts the new reason's schedule from its first look.
 */
public enum FollowUpReason {
    /** {@code INITIATED}: the pay call's answer was not written. Normally that call is still running; after the call window it is lost. */
    PAY_CALL_UNANSWERED,
    /** {@code UNKNOWN}: the pay call ended without a definite answer. Nobody knows whether Antom has the payment. */
    PAYMENT_OUTCOME_UNKNOWN,
    /** {@code PENDING}: the buyer is on Antom's page and Antom will notify the result; overdue only after the payment expired. */
    PAYMENT_NOTIFICATION_AWAITED,
    /** A capture {@code REQUESTED} whose answer was not written: in flight, or lost to a timeout or a crash. */
    CAPTURE_CALL_UNANSWERED,
    /** A capture {@code PROCESSING}, or an automatic capture Antom has not reported: its notification is awaited. */
    CAPTURE_NOTIFICATION_AWAITED,
    /** A cancel sent to Antom whose answer was not written: in flight, or lost to a timeout or a crash. */
    CANCEL_CALL_UNANSWERED,
    /** A refund {@code REQUESTED} whose answer was not written: in flight, or lost to a timeout or a crash. */
    REFUND_CALL_UNANSWERED,
    /** A refund {@code PROCESSING}: its notification is awaited. */
    REFUND_NOTIFICATION_AWAITED,
    /** A manual-capture authorization runs towards its capture deadline. */
    CAPTURE_DEADLINE,
    /** A duplicate success is not undone yet. */
    DUPLICATE
}
