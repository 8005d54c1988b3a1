package org.payengine.domain.reconciliation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One report file of Antom's, read whole: its type, its transaction rows (details reports) or its totals (the
 * settlement summary). A report with no row is a normal empty day or batch.
 *
 * @param day the day a transaction report covers, when its file name or its rows tell; empty otherwise
 */
public record Report(ReportType type, Optional<ReportDay> day, List<ReportRow> rows, List<SettlementTotal> totals) {

    public Report {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(day, "day");
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }

    /** How many data lines the report has (rows or totals). */
    public int size() {
        return rows.size() + totals.size();
    }

    /** Every merchant id the report's lines name ({@code customerId}), usually one; none for an empty report. */
    public Set<String> merchantIds() {
        Set<String> ids = new TreeSet<>();
        rows.stream().map(ReportRow::merchantId).filter(Objects::nonNull).forEach(ids::add);
        totals.stream().map(SettlementTotal::merchantId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }
}
