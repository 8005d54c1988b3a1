package org.payengine.adapters.antom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ReportDecoding;
import org.payengine.application.port.ReportFile;
import org.payengine.domain.money.Money;
import org.payengine.domain.reconciliation.Fee;
import org.payengine.domain.reconciliation.Report;
import org.payengine.domain.reconciliation.ReportRow;
import org.payengine.domain.reconciliation.ReportedStatus;
import org.payengine.domain.reconciliation.SignedMoney;
import org.payengine.domain.reconciliation.TransactionType;

/**
 * Reports written from generated rows in every way Antom's files may differ — any column order, quoted or bare fields
 * (with commas, quotes and line breaks inside), empty optional columns, columns this engine does not know, LF or
 * CRLF, a byte order mark, blank lines at the end — read back to exactly the rows they were written from.
 * QuickTheories prints the seed of a failing run; replay it with {@code -DQT_SEED=<seed>}.
 */
class GeneratedReportsTest {

    private static final List<String> CURRENCIES = List.of("USD", "SGD", "JPY", "BHD", "KRW", "EUR");
    private static final List<TransactionType> TYPES = List.of(TransactionType.PAYMENT, TransactionType.AUTHORIZATION,
            TransactionType.CAPTURE, TransactionType.REFUND, TransactionType.CANCEL, TransactionType.DISPUTE);
    private static final List<String> FEES = List.of("interchangeFee", "schemeFee", "acquirerMarkup", "processingFee",
            "taxFee");
    private static final List<String> STATUSES = List.of("SUCCESS", "FAIL", "PROCESSING", "CANCELLED");
    private static final DateTimeFormatter ANTOM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));

    private final AntomReportDecoder decoder = new AntomReportDecoder();

    @Test
    void a_generated_report_reads_back_to_the_rows_it_was_written_from() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<Map<String, String>> rows = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                rows.add(row(random));
            }
            Written written = write(rows, random);

            ReportDecoding decoding = decoder.decode(new ReportFile(null, written.text().getBytes(StandardCharsets.UTF_8)));

            Report report = assertInstanceOf(ReportDecoding.Decoded.class, decoding, () -> decoding + "\n" + written.text())
                    .report();
            assertEquals(written.expected(), report.rows(), written::text);
        });
    }

    /** One row as Antom's columns hold it; blank optional values are left out. */
    private static Map<String, String> row(Random random) {
        Map<String, String> row = new LinkedHashMap<>();
        String currency = pick(random, CURRENCIES);
        TransactionType type = pick(random, TYPES);
        row.put("customerId", "21881200000000" + (10 + random.nextInt(2)));
        row.put("PSP", random.nextBoolean() ? "ACQ" : "");
        row.put("transactionId", random.nextInt(20) == 0 ? "" : "2026" + Math.abs(random.nextLong()));
        row.put("transactionRequestId", random.nextInt(4) == 0 ? "" : "req-" + Integer.toHexString(random.nextInt()));
        row.put("referenceTransactionId", random.nextInt(3) == 0 ? "" : "order, \"" + random.nextInt(1000) + "\"");
        row.put("transactionType", type.name());
        row.put("status", random.nextInt(5) == 0 ? "" : pick(random, STATUSES));
        row.put("transactionAmountValue", major(currency, random.nextLong(0, 1_000_000_000L)));
        row.put("transactionCurrency", currency);
        row.put("orderDescription", random.nextBoolean() ? "" : "line one,\nline \"two\"\r\nthree");
        row.put("transactionCreationTime", random.nextInt(4) == 0 ? ""
                : ANTOM_TIME.format(Instant.ofEpochSecond(1_767_000_000L + random.nextInt(10_000_000))));
        boolean settled = random.nextBoolean();
        row.put("settlementBatchId", settled ? "2026" + random.nextInt(100_000) : "");
        row.put("settlementAmountValue", settled ? major("USD", random.nextLong(-100_000_000L, 100_000_000L)) : "");
        row.put("settlementCurrency", settled ? "USD" : "");
        for (String fee : FEES) {
            boolean charged = settled && random.nextBoolean();
            row.put(fee + "AmountValue", charged ? major("USD", -random.nextLong(0, 100_000L)) : "");
            row.put(fee + "Currency", charged && random.nextBoolean() ? "USD" : "");
        }
        return row;
    }

    private record Written(String text, List<ReportRow> expected) {
    }

    private static Written write(List<Map<String, String>> rows, Random random) {
        List<String> columns = new ArrayList<>(row(new Random(0)).keySet());
        columns.add("aColumnAntomAddsLater");
        Collections.shuffle(columns, random);
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
        text.append(String.join(",", columns.stream().map(column -> field(column, random)).toList())).append(newline);
        int line = 2;
        List<ReportRow> expected = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(field(row.getOrDefault(column, random.nextBoolean() ? "" : "whatever"), random));
            }
            text.append(String.join(",", fields)).append(newline);
            expected.add(expected(line, row));
            line += (int) String.join(",", fields).chars().filter(c -> c == '\n').count() + 1;
        }
        text.append(random.nextBoolean() ? "<END>" : "\"<END>\"").append(",".repeat(random.nextInt(3) == 0 ? 3 : 0));
        text.append(newline.repeat(random.nextInt(3)));
        return new Written(text.toString(), expected);
    }

    private static ReportRow expected(int line, Map<String, String> row) {
        String currency = row.get("transactionCurrency");
        SignedMoney settlement = blank(row.get("settlementAmountValue")) ? null
                : parse("USD", row.get("settlementAmountValue"));
        List<Fee> fees = new ArrayList<>();
        for (String fee : FEES) {
            String value = row.get(fee + "AmountValue");
            if (!blank(value)) {
                fees.add(new Fee(fee, parse("USD", value)));
            }
        }
        fees.sort(java.util.Comparator.comparing(Fee::name));
        String time = row.get("transactionCreationTime");
        return new ReportRow(line, TransactionType.valueOf(row.get("transactionType")), row.get("transactionType"),
                orNull(row.get("transactionId")), orNull(row.get("transactionRequestId")), null, null,
                orNull(row.get("referenceTransactionId")), ReportedStatus.named(row.get("status")),
                parse(currency, row.get("transactionAmountValue")), settlement, fees,
                orNull(row.get("settlementBatchId")),
                blank(time) ? null : java.time.LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.ofHours(8)),
                null, row.get("customerId"));
    }

    private static String field(String value, Random random) {
        boolean mustQuote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        if (mustQuote || random.nextInt(4) == 0) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String major(String currency, long minor) {
        return java.math.BigDecimal.valueOf(minor, Money.exponentOf(Currency.getInstance(currency))).toPlainString();
    }

    private static SignedMoney parse(String currency, String major) {
        return SignedMoney.parseMajorUnits("v", Currency.getInstance(currency), major);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String orNull(String value) {
        return blank(value) ? null : value;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
