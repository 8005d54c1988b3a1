package org.payengine.domain.reconciliation;

import java.util.Locale;

/**
 * The status a report gives a transaction. The current transaction report has a {@code status} column with the
 * latest status of every transaction of the day; the older one, and the settlement reports, list settled or
 * successful transactions only, so a row without a status is a success.
 */
public enum ReportedStatus {
    SUCCESS,
    FAIL,
    PROCESSING,
    CANCELLED,
    /** A value this engine does not know: no status is compared. */
    OTHER;

    /** The status Antom writes as {@code text}; an empty or absent value is {@link #SUCCESS} (see above). */
    public static ReportedStatus named(String text) {
        if (text == null || text.isBlank()) {
            return SUCCESS;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "SUCCESS", "SUCCEEDED", "S" -> SUCCESS;
            case "FAIL", "FAILED", "F" -> FAIL;
            case "PROCESSING", "PENDING", "U" -> PROCESSING;
            case "CANCELLED", "CANCELED" -> CANCELLED;
            default -> OTHER;
        };
    }
}
