package org.payengine.adapters.antom.reports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.payengine.adapters.antom.reports.CsvRecords.CsvRecord;
import org.payengine.adapters.antom.reports.CsvRecords.UnclosedQuoteException;
import org.payengine.application.port.ReportDecoder;
import org.payengine.application.port.ReportDecoding;
import org.payengine.application.port.ReportFile;
import org.payengine.domain.reconciliation.Fee;
import org.payengine.domain.reconciliation.Report;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportRow;
import org.payengine.domain.reconciliation.ReportType;
import org.payengine.domain.reconciliation.ReportedStatus;
import org.payengine.domain.reconciliation.SettlementTotal;
import org.payengine.domain.reconciliation.SignedMoney;
import org.payengine.domain.reconciliation.TransactionType;

/**
 * Antom's CSV reports, every documented layout: the current one ({@code PSP}, {@code status}, a column pair per fee,
 * {@code transactionCreationTime}, {@code settlementInitiatedDate}, …) and the classic one an SFTP account may still
 * receive ({@code acquirer}, {@code originalTransactionId}, {@code paymentTime}, {@code settlementTime},
 * {@code feeAmountValue}, …), in any column order.
 *
 * <p>The type comes from the file name when it is one of Antom's, else from the header: a {@code summaryType} column
 * makes a settlement summary, a {@code settlementInitiatedDate} or {@code settlementTime} column (which the
 * transaction report never has) settlement details, anything else transaction details. The text is UTF-8 (GBK is
 * tried when it is not, as Antom's own tools do).
 */
public final class AntomReportDecoder implements ReportDecoder {

    static final String END = "<END>";
    private static final Charset GBK = Charset.isSupported("GBK") ? Charset.forName("GBK") : null;

    @Override
    public ReportDecoding decode(ReportFile file) {
        try {
            return new ReportDecoding.Decoded(read(file));
        } catch (ReportRefusal refusal) {
            return new ReportDecoding.Refused(refusal.line, refusal.getMessage());
        }
    }

    private static Report read(ReportFile file) {
        List<CsvRecord> records;
        try {
            records = new ArrayList<>(CsvRecords.split(text(file.content())));
        } catch (UnclosedQuoteException e) {
            throw new ReportRefusal(e.line, "line " + e.line + ": " + e.getMessage() + " (the file is cut short?)");
        }
        while (!records.isEmpty() && records.get(records.size() - 1).isBlank()) {
            records.remove(records.size() - 1);
        }
        if (records.isEmpty()) {
            throw new ReportRefusal(0, "the file is empty: a report has a header line, its rows and an " + END + " line");
        }
        CsvRecord last = records.get(records.size() - 1);
        if (!isEnd(last)) {
            throw new ReportRefusal(last.line(), "the file ends at line " + last.line() + " without Antom's " + END
                    + " line: it is incomplete (cut short in transfer?) and nothing of it is applied");
        }
        if (records.size() == 1) {
            throw new ReportRefusal(1, "line 1 is " + END + ": the file has no header");
        }
        ReportColumns columns = new ReportColumns(records.get(0).fields());
        ReportFileName name = ReportFileName.of(file.name());
        ReportType type = name.type().orElseGet(() -> typeOf(columns));
        List<ReportLine> lines = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size() - 1)) {
            if (record.isBlank()) {
                continue;
            }
            if (isEnd(record)) {
                throw new ReportRefusal(record.line(), "line " + record.line() + " is an " + END
                        + " line, but more lines follow it");
            }
            if (record.fields().size() != columns.count()) {
                throw new ReportRefusal(record.line(), "line " + record.line() + " has " + record.fields().size()
                        + " fields where the header has " + columns.count() + " columns");
            }
            lines.add(new ReportLine(record.line(), record.fields(), columns));
        }
        if (type == ReportType.SETTLEMENT_SUMMARY) {
            columns.require("settlement summary", "settlementBatchId", "customerId", "summaryType", "count",
                    "settlementAmountValue", "settlementCurrency");
            return new Report(type, Optional.empty(), List.of(), lines.stream().map(AntomReportDecoder::total).toList());
        }
        columns.require(type == ReportType.SETTLEMENT_DETAILS ? "settlement details" : "transaction details",
                "customerId", "transactionType", "transactionId", "transactionAmountValue", "transactionCurrency");
        if (type == ReportType.SETTLEMENT_DETAILS) {
            columns.require("settlement details", "settlementBatchId", "settlementAmountValue", "settlementCurrency");
        }
        List<ReportColumns.FeeColumn> fees = columns.fees();
        List<ReportRow> rows = lines.stream().map(line -> row(line, fees)).toList();
        Optional<ReportDay> day = type == ReportType.TRANSACTION_DETAILS
                ? name.day().or(() -> mostCommonDay(rows)) : Optional.empty();
        return new Report(type, day, rows, List.of());
    }

    private static ReportType typeOf(ReportColumns columns) {
        if (columns.has("summaryType")) {
            return ReportType.SETTLEMENT_SUMMARY;
        }
        if (columns.has("settlementInitiatedDate") || columns.has("settlementTime")) {
            return ReportType.SETTLEMENT_DETAILS;
        }
        return ReportType.TRANSACTION_DETAILS;
    }

    private static ReportRow row(ReportLine line, List<ReportColumns.FeeColumn> feeColumns) {
        String typeName = line.required("transactionType");
        TransactionType type = TransactionType.named(typeName);
        SignedMoney amount = line.amount("transactionAmountValue", "transactionCurrency");
        if (amount == null && type.isEngineMade()) {
            throw line.refusal("transactionAmountValue", "is empty, and a " + typeName + " always has an amount");
        }
        SignedMoney settlement = line.amount("settlementAmountValue", "settlementCurrency");
        Currency feeCurrency = settlement != null ? settlement.currency() : amount != null ? amount.currency() : null;
        List<Fee> fees = new ArrayList<>();
        for (ReportColumns.FeeColumn column : feeColumns) {
            SignedMoney fee = line.amount(column.name(), Optional.of(column.value()), column.currency(), feeCurrency);
            if (fee != null) {
                fees.add(new Fee(column.name(), fee));
            }
        }
        fees.sort(Comparator.comparing(Fee::name)); // the same row in any column order reads the same
        return new ReportRow(line.number(), type, typeName, line.text("transactionId"),
                line.text("transactionRequestId"), line.text("originalTransactionId"),
                line.text("originalTransactionRequestId"), line.text("referenceTransactionId"),
                ReportedStatus.named(line.text("status")), amount, settlement, fees, line.text("settlementBatchId"),
                line.time("transactionCreationTime", "paymentTime", "transactionCompletionTime", "transactionUpdateTime"),
                line.time("settlementInitiatedDate", "settlementTime"), line.required("customerId"));
    }

    private static SettlementTotal total(ReportLine line) {
        String typeName = line.required("summaryType");
        SignedMoney amount = line.amount("settlementAmountValue", "settlementCurrency");
        if (amount == null) {
            throw line.refusal("settlementAmountValue", "is empty, and a summary line always has an amount");
        }
        return new SettlementTotal(line.number(), line.required("settlementBatchId"), TransactionType.named(typeName),
                typeName, line.count("count"), amount, line.time("settlementInitiatedDate", "settlementTime"),
                line.required("customerId"));
    }

    /** The day most rows were made on (UTC+8): a report's rows near midnight may fall either side. */
    private static Optional<ReportDay> mostCommonDay(List<ReportRow> rows) {
        Map<ReportDay, Long> days = rows.stream().map(ReportRow::transactionTime).filter(time -> time != null)
                .map(ReportDay::containing).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return days.entrySet().stream()
                .max(Map.Entry.<ReportDay, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private static boolean isEnd(CsvRecord record) {
        List<String> fields = record.fields();
        return fields.get(0).strip().equals(END) && fields.stream().skip(1).allMatch(String::isBlank);
    }

    private static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            if (GBK != null) {
                try {
                    return GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                } catch (CharacterCodingException notGbk) {
                    // refused below
                }
            }
            throw new ReportRefusal(0, "the file is not text in UTF-8 (nor GBK): is it a report of Antom's, "
                    + "or an XLSX download? Only the CSV reports are read");
        }
    }

    /** For the tests: the time of a row as the decoder reads it. */
    static Instant time(String text) {
        return ReportTimes.parse(text);
    }
}
