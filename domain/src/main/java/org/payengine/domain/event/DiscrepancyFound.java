package org.payengine.domain.event;

import java.time.Instant;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.Resolution;

/**
 * Reconciliation found that one of Antom's reports and the engine's records disagree about a transaction: recorded
 * once per discrepancy. Its id belongs to the reconciliation run ({@code reconciliation-<runId>#1.<n>}); it is
 * delivered in order with the events of the order it concerns, when the engine or the report names one.
 *
 * @param order          the merchant's order it concerns, or {@code null} when neither side names one
 * @param resolution     where it stands when found: {@code NEEDS_REVIEW}, or {@code APPLIED_FROM_ANTOM} when the
 *                       engine asked Antom and now agrees
 */
public record DiscrepancyFound(EventId id, Instant occurredAt, ReferenceOrderId order, String discrepancyId,
                               String runId, DiscrepancyType discrepancy, String transactionRequestId,
                               String transactionId, String expected, String actual, Resolution resolution)
        implements DomainEvent {

    /** The order-like stream the events of one run belong to when they concern no order. */
    public static ReferenceOrderId streamOf(String runId) {
        return ReferenceOrderId.of("reconciliation-" + runId);
    }

    @Override
    public ReferenceOrderId orderId() {
        return order != null ? order : id.orderId();
    }

    @Override
    public String type() {
        return "reconciliation.discrepancy";
    }
}
