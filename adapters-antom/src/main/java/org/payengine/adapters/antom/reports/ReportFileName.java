package org.payengine.adapters.antom.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportType;

/**
 * What the name of a report file tells: Antom's SFTP names
 * ({@code transactionItems_<yyyyMMdd>_000.csv}, {@code settlementItems_<currency>_<batch>_000.csv},
 * {@code settlementSummary_<currency>_<batch>_000.csv}) and the Dashboard's downloads
 * ({@code TRANSACTION_DETAIL_…}, {@code SETTLEMENT_DETAIL_…_<yyyyMMdd>}, {@code SETTLEMENT_SUMMARY_…}). A name that
 * is neither tells nothing, and the header decides.
 */
record ReportFileName(Optional<ReportType> type, Optional<ReportDay> day) {

    static final ReportFileName UNKNOWN = new ReportFileName(Optional.empty(), Optional.empty());

    private static final Pattern TRANSACTIONS = Pattern.compile("transactionItems_(\\d{8})(_\\d+)?\\.\\w+");
    private static final Pattern SETTLEMENT_ITEMS = Pattern.compile("settlementItems_[A-Z]{3}_.+\\.\\w+");
    private static final Pattern SETTLEMENT_SUMMARY = Pattern.compile("settlementSummary_[A-Z]{3}_.+\\.\\w+");
    private static final Pattern DASHBOARD = Pattern.compile(
            "(TRANSACTION_DETAIL|SETTLEMENT_DETAIL|SETTLEMENT_SUMMARY)_.*?(?:_(\\d{8}))?\\.\\w+");

    static ReportFileName of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        Matcher transactions = TRANSACTIONS.matcher(name);
        if (transactions.matches()) {
            return new ReportFileName(Optional.of(ReportType.TRANSACTION_DETAILS), day(transactions.group(1)));
        }
        if (SETTLEMENT_ITEMS.matcher(name).matches()) {
            return new ReportFileName(Optional.of(ReportType.SETTLEMENT_DETAILS), Optional.empty());
        }
        if (SETTLEMENT_SUMMARY.matcher(name).matches()) {
            return new ReportFileName(Optional.of(ReportType.SETTLEMENT_SUMMARY), Optional.empty());
        }
        Matcher dashboard = DASHBOARD.matcher(name);
        if (dashboard.matches()) {
            ReportType type = switch (dashboard.group(1)) {
                case "TRANSACTION_DETAIL" -> ReportType.TRANSACTION_DETAILS;
                case "SETTLEMENT_DETAIL" -> ReportType.SETTLEMENT_DETAILS;
                default -> ReportType.SETTLEMENT_SUMMARY;
            };
            Optional<ReportDay> day = type == ReportType.TRANSACTION_DETAILS && dashboard.group(2) != null
                    ? day(dashboard.group(2)) : Optional.empty();
            return new ReportFileName(Optional.of(type), day);
        }
        return UNKNOWN;
    }

    private static Optional<ReportDay> day(String yyyymmdd) {
        try {
            return Optional.of(ReportDay.of(LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE)));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
