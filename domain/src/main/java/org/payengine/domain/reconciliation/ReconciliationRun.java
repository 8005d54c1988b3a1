package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One report file checked against the engine's records.
 *
 * @param source        where the file came from: {@code upload}, {@code sftp://host/path}, {@code file:/path}
 * @param fileName      the file's name, when it had one
 * @param fingerprint   what tells the file from every other (the same file imported again is this run again)
 * @param day           the day a transaction report covers, when known
 * @param rows          data lines of the report
 * @param matched       rows the engine knows and agrees with
 * @param discrepancies every discrepancy the run found, new or already recorded by an earlier run
 */
public record ReconciliationRun(String runId, ReportType reportType, String source, String fileName,
                                String fingerprint, Optional<ReportDay> day, int rows, int matched,
                                Instant startedAt, List<Discrepancy> discrepancies) {

    public ReconciliationRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startedAt, "startedAt");
        discrepancies = List.copyOf(discrepancies);
    }
}
