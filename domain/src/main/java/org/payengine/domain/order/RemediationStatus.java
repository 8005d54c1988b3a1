package org.payengine.domain.order;

/**
 * Where the undoing of a duplicate success stands. A duplicate is first cancelled at Antom (which also
 * gives captured funds back where Antom allows it); when Antom refuses to cancel a captured card payment,
 * it is refunded in full instead, with one refund request id kept across retries.
 */
public enum RemediationStatus {
    /** The duplicate must be cancelled at Antom; not confirmed yet. */
    CANCEL_REQUESTED,
    /** Antom cancelled the duplicate. Done. */
    CANCELLED,
    /** Antom refused to cancel; a full refund is requested and not confirmed yet. */
    REFUND_REQUESTED,
    /** Antom refunded the duplicate. Done. */
    REFUNDED,
    /** Antom refused the refund: a person must act (the event {@code needs.review} says so). */
    REFUND_FAILED;

    public boolean isDone() {
        return this == CANCELLED || this == REFUNDED;
    }
}
