package org.payengine.domain.reconciliation;

/** Where a discrepancy stands: open for a person, or closed and why. */
public enum Resolution {
    /** Open: a person must look (and Antom's data prevails: its support makes adjustments). */
    NEEDS_REVIEW(true),
    /** Closed: the engine asked Antom, applied its answer as any other fact, and now agrees with the report. */
    APPLIED_FROM_ANTOM(false),
    /** Closed: a report imported later lists the success one report lacked. */
    LISTED_LATER(false),
    /** Closed by a person after review. */
    RESOLVED_BY_MERCHANT(false);

    private final boolean open;

    Resolution(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }
}
