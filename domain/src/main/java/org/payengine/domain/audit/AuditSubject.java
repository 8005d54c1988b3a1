package org.payengine.domain.audit;

/** What an audit entry is about. */
public enum AuditSubject {
    /** The order itself; its status is derived from its attempts, and every change of it is recorded. */
    ORDER,
    /** A payment attempt, identified by its payment request id. */
    ATTEMPT,
    /** The capture of an attempt, identified by its capture request id (or Antom's capture id). */
    CAPTURE,
    /** The refund that undoes a captured duplicate, identified by its refund request id. */
    REFUND
}
