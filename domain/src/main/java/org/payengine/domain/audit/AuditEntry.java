package org.payengine.domain.audit;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * One line of an order's audit trail: a subject moved from one state to another (or a fact was set
 * aside for review, then {@code fromState} equals {@code toState}), caused by {@code source}, at
 * {@code at}. Every transition of an order, attempt, capture or refund has one.
 *
 * @param fromState the state before, {@code null} when the subject was created
 * @param detail    what caused it in a few words, e.g. the fact's description
 */
public record AuditEntry(ReferenceOrderId orderId, AuditSubject subject, String subjectId, String fromState,
                         String toState, AuditSource source, Instant at, String detail) {

    public AuditEntry {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(toState, "toState");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        detail = Text.tidied(detail, 1024);
    }

    /** True when this entry records a change of state rather than a note about the same state. */
    public boolean isTransition() {
        return !toState.equals(fromState);
    }
}
