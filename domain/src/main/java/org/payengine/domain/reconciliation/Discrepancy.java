package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * A recorded disagreement between one of Antom's reports and the engine's records about one transaction. Recorded
 * once per type and transaction ({@link #subjectKey()}): the same disagreement found again by a later report is the
 * same discrepancy.
 *
 * @param id                   the discrepancy's own id
 * @param runId                the reconciliation run that found it first
 * @param subjectKey           the transaction it is about: the report row's key, or the engine transaction's
 * @param transactionRequestId the merchant's request id of the transaction, when known
 * @param transactionId        Antom's id of the transaction, when known
 * @param orderId              the merchant's order, when the engine or the report names one
 * @param expected             what the engine's records say ({@code null} when they know nothing of it)
 * @param actual               what the report says ({@code null} when no report lists it)
 * @param detail               what the engine did about it, for a person (e.g. how asking Antom went), or {@code null}
 * @param resolvedAt           when it was closed, or {@code null} while open
 */
public record Discrepancy(String id, String runId, DiscrepancyType type, String subjectKey,
                          String transactionRequestId, String transactionId, ReferenceOrderId orderId, String expected,
                          String actual, Resolution resolution, String detail, Instant foundAt, Instant resolvedAt) {

    public Discrepancy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(foundAt, "foundAt");
        if (resolution.isOpen() != (resolvedAt == null)) {
            throw new IllegalArgumentException("a discrepancy has a resolution time exactly when it is closed");
        }
    }

    public boolean isOpen() {
        return resolution.isOpen();
    }

    /** The same discrepancy, closed. */
    public Discrepancy closed(Resolution how, String why, Instant at) {
        if (how.isOpen()) {
            throw new IllegalArgumentException(how + " does not close a discrepancy");
        }
        return new Discrepancy(id, runId, type, subjectKey, transactionRequestId, transactionId, orderId, expected,
                actual, how, why, foundAt, at);
    }
}
