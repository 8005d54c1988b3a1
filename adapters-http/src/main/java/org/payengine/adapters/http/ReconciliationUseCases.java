package org.payengine.adapters.http;

import java.util.Objects;
import org.payengine.application.usecase.GetReconciliationRun;
import org.payengine.application.usecase.ListDiscrepancies;
import org.payengine.application.usecase.ListReconciliationRuns;
import org.payengine.application.usecase.ReconcileReport;

/**
 * Reconciliation as the HTTP edge drives it: {@code /v1/reconciliation/…} and the demo's reconciliation page.
 *
 * @param maxReportBytes the largest report file {@code POST /v1/reconciliation/reports} accepts (413 beyond)
 */
public record ReconciliationUseCases(ReconcileReport reconcileReport, GetReconciliationRun getRun,
                                     ListDiscrepancies listDiscrepancies, ListReconciliationRuns listRuns,
                                     int maxReportBytes) {

    /** A day's transaction report of a busy merchant: tens of thousands of rows. */
    public static final int DEFAULT_MAX_REPORT_BYTES = 64 << 20;

    public ReconciliationUseCases {
        Objects.requireNonNull(reconcileReport, "reconcileReport");
        Objects.requireNonNull(getRun, "getRun");
        Objects.requireNonNull(listDiscrepancies, "listDiscrepancies");
        Objects.requireNonNull(listRuns, "listRuns");
        if (maxReportBytes < 1024) {
            throw new IllegalArgumentException("maxReportBytes must be at least 1024, was " + maxReportBytes);
        }
    }
}
