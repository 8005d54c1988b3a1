package org.payengine.simulator.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.payengine.simulator.payments.Capture;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentStatus;
import org.payengine.simulator.payments.Refund;
import org.payengine.simulator.wire.Money;

/**
 * Writes Antom's reports of the payments the simulator processed. Days are Antom's: 00:00–24:00 at UTC+8.
 *
 * <ul>
 *   <li><b>Transaction details</b> of a day: every transaction made that day with its latest status (the classic
 *   layout: the successful ones only). A payment with automatic capture is one {@code PAYMENT} row; one with manual
 *   capture an {@code AUTHORIZATION} row, and its capture a {@code CAPTURE} row; refunds {@code REFUND} rows; the void
 *   of an authorization a {@code CANCEL} row.</li>
 *   <li><b>Settlement</b>: the transactions of a day that moved funds settle the next day, one batch per currency
 *   ({@code <settlement date>0<n>}), in the transaction currency. Fees (interchange 1.20 %, scheme 0.15 %, acquirer
 *   markup 1.00 %, each rounded down to the minor unit) are written negative; a refund settles its amount negative,
 *   without fees. The summary gives each type's total and the batch's ({@code TOTAL}).</li>
 * </ul>
 */
public final class SimulatorReports {

    static final java.time.ZoneOffset ANTOM_OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ANTOM_OFFSET);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PSP = "ANTOM_SIMULATOR";
    private static final String END = "<END>";
    /** Fees in basis points of the gross amount, by Antom's fee column names. */
    private static final Map<String, Integer> FEES_BPS = orderedFees();

    private final String merchantId;
    private final Supplier<List<Payment>> payments;

    public SimulatorReports(String merchantId, Supplier<List<Payment>> payments) {
        this.merchantId = merchantId;
        this.payments = payments;
    }

    public String merchantId() {
        return merchantId;
    }

    /** The day (UTC+8) an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atOffset(ANTOM_OFFSET).toLocalDate();
    }

    /** The first day any payment was made, or {@code null} when none was. */
    public LocalDate firstDay() {
        return transactions().stream().map(t -> dayOf(t.createdAt())).min(Comparator.naturalOrder()).orElse(null);
    }

    /** {@code transactionItems_<yyyyMMdd>_000.csv}: the transaction details of one day. */
    public String transactionDetails(LocalDate day, ReportLayout layout) {
        List<ReportedTransaction> ofDay = transactions().stream().filter(t -> dayOf(t.createdAt()).equals(day))
                .filter(t -> layout == ReportLayout.CURRENT || t.succeeded()).toList();
        StringBuilder csv = new StringBuilder();
        if (layout == ReportLayout.CURRENT) {
            line(csv, "customerId", "PSP", "ARN", "referenceMerchantId", "referenceStoreId", "transactionId",
                    "transactionRequestId", "referenceTransactionId", "originalTransactionRequestId", "transactionType",
                    "paymentMethodType", "status", "transactionCreationTime", "transactionCompletionTime",
                    "transactionAmountValue", "transactionCurrency");
            for (ReportedTransaction t : ofDay) {
                line(csv, merchantId, PSP, "", "", "", t.paymentId(), t.requestId(), t.referenceOrderId(),
                        t.type().equals("PAYMENT") || t.type().equals("AUTHORIZATION") ? "" : t.paymentRequestId(),
                        t.type(), "CARD", t.status(), TIME.format(t.createdAt()),
                        t.completedAt() == null ? "" : TIME.format(t.completedAt()), major(t.amount()),
                        t.amount().currency());
            }
        } else {
            line(csv, "customerId", "acquirer", "acquirerReferenceNo", "referenceMerchantId", "referenceStoreId",
                    "transactionType", "transactionId", "originalTransactionId", "transactionRequestId",
                    "originalTransactionRequestId", "referenceTransactionId", "orderDescription", "paymentMethodType",
                    "pspName", "paymentTime", "productCode", "transactionAmountValue", "transactionCurrency");
            for (ReportedTransaction t : ofDay) {
                boolean ofPayment = t.type().equals("PAYMENT") || t.type().equals("AUTHORIZATION")
                        || t.type().equals("CANCEL");
                line(csv, merchantId, PSP, "", "", "", t.type(), ofPayment ? t.paymentId() : t.antomId(),
                        ofPayment ? "" : t.paymentId(),
                        t.type().equals("REFUND") ? t.requestId() : t.paymentRequestId(),
                        ofPayment ? "" : t.paymentRequestId(), t.type().equals("CANCEL") ? "" : t.referenceOrderId(),
                        "", "CARD", "", TIME.format(t.createdAt()), "CASHIER_PAYMENT", major(t.amount()),
                        t.amount().currency());
            }
        }
        return csv.append(END).append('\n').toString();
    }

    /** {@code settlementItems_…}: every transaction settled on this date, all batches (currencies). */
    public String settlementDetails(LocalDate settlementDate) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("settlementBatchId", "customerId", "PSP", "ARN",
                "referenceMerchantId", "referenceStoreId", "transactionId", "transactionRequestId",
                "referenceTransactionId", "transactionType", "originalTransactionRequestId", "settlementInitiatedDate",
                "transactionAmountValue", "transactionCurrency", "settlementAmountValue", "settlementCurrency"));
        FEES_BPS.keySet().forEach(fee -> {
            header.add(fee + "AmountValue");
            header.add(fee + "Currency");
        });
        line(csv, header.toArray(String[]::new));
        for (Map.Entry<String, List<ReportedTransaction>> batch : batches(settlementDate).entrySet()) {
            for (ReportedTransaction t : batch.getValue()) {
                List<String> fields = new ArrayList<>(List.of(batch.getKey(), merchantId, PSP, "", "", "",
                        t.paymentId(), t.requestId(), t.referenceOrderId(), t.type(),
                        t.type().equals("PAYMENT") ? "" : t.paymentRequestId(), initiated(settlementDate),
                        major(t.amount()), t.amount().currency(), major(settled(t)), t.amount().currency()));
                for (String fee : FEES_BPS.keySet()) {
                    long amount = fee(t, fee);
                    fields.add(amount == 0 ? "" : major(new Money(t.amount().currency(), amount)));
                    fields.add(amount == 0 ? "" : t.amount().currency());
                }
                line(csv, fields.toArray(String[]::new));
            }
        }
        return csv.append(END).append('\n').toString();
    }

    /** {@code settlementSummary_…}: each batch settled on this date, by type and in total. */
    public String settlementSummary(LocalDate settlementDate) {
        StringBuilder csv = new StringBuilder();
        line(csv, "settlementBatchId", "customerId", "PSP", "summaryType", "settlementInitiatedDate", "count",
                "settlementAmountValue", "settlementCurrency");
        for (Map.Entry<String, List<ReportedTransaction>> batch : batches(settlementDate).entrySet()) {
            String currency = batch.getValue().get(0).amount().currency();
            Map<String, long[]> byType = new TreeMap<>();
            for (ReportedTransaction t : batch.getValue()) {
                long[] total = byType.computeIfAbsent(t.type(), type -> new long[2]);
                total[0]++;
                total[1] += settled(t).value();
            }
            long count = 0;
            long sum = 0;
            for (Map.Entry<String, long[]> type : byType.entrySet()) {
                line(csv, batch.getKey(), merchantId, PSP, type.getKey(), initiated(settlementDate),
                        Long.toString(type.getValue()[0]), major(new Money(currency, type.getValue()[1])), currency);
                count += type.getValue()[0];
                sum += type.getValue()[1];
            }
            line(csv, batch.getKey(), merchantId, PSP, "TOTAL", initiated(settlementDate), Long.toString(count),
                    major(new Money(currency, sum)), currency);
        }
        return csv.append(END).append('\n').toString();
    }

    /**
     * Every file Antom's SFTP server would hold for the days before {@code today}: relative paths
     * ({@code <yyyyMMdd>/transactionItems_<yyyyMMdd>_000.csv}, …) and their text.
     */
    public Map<String, String> filesBefore(LocalDate today, ReportLayout layout) {
        Map<String, String> files = new LinkedHashMap<>();
        LocalDate first = firstDay();
        if (first == null) {
            return files;
        }
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            String compact = COMPACT.format(day);
            files.put(compact + "/transactionItems_" + compact + "_000.csv", transactionDetails(day, layout));
            for (Map.Entry<String, List<ReportedTransaction>> batch : batches(day).entrySet()) {
                String currency = batch.getValue().get(0).amount().currency();
                files.put(compact + "/settlementItems_" + currency + "_" + batch.getKey() + "_000.csv",
                        settlementDetails(day, batch.getKey()));
                files.put(compact + "/settlementSummary_" + currency + "_" + batch.getKey() + "_000.csv",
                        settlementSummary(day, batch.getKey()));
            }
        }
        return files;
    }

    private String settlementDetails(LocalDate settlementDate, String batchId) {
        return only(settlementDetails(settlementDate), batchId);
    }

    private String settlementSummary(LocalDate settlementDate, String batchId) {
        return only(settlementSummary(settlementDate), batchId);
    }

    /** The report's header, the lines of one batch, and the end line. */
    private static String only(String csv, String batchId) {
        StringBuilder out = new StringBuilder();
        String[] lines = csv.split("\n");
        out.append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith(batchId + ",")) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.append(END).append('\n').toString();
    }

    /** The batches settled on this date: the settling transactions of the day before, one batch per currency. */
    private Map<String, List<ReportedTransaction>> batches(LocalDate settlementDate) {
        LocalDate transactionDay = settlementDate.minusDays(1);
        Map<String, List<ReportedTransaction>> byCurrency = new TreeMap<>();
        for (ReportedTransaction t : transactions()) {
            if (t.settles() && t.succeeded() && t.completedAt() != null && dayOf(t.createdAt()).equals(transactionDay)) {
                byCurrency.computeIfAbsent(t.amount().currency(), currency -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<ReportedTransaction>> batches = new LinkedHashMap<>();
        int n = 1;
        for (List<ReportedTransaction> batch : byCurrency.values()) {
            batches.put(COMPACT.format(settlementDate) + String.format("%05d", n++), batch);
        }
        return batches;
    }

    private static String initiated(LocalDate settlementDate) {
        return TIME.format(settlementDate.atTime(2, 0).toInstant(ANTOM_OFFSET));
    }

    private static Money settled(ReportedTransaction t) {
        if (t.type().equals("REFUND")) {
            return new Money(t.amount().currency(), -t.amount().value());
        }
        long net = t.amount().value();
        for (String fee : FEES_BPS.keySet()) {
            net += fee(t, fee);
        }
        return new Money(t.amount().currency(), net);
    }

    /** The fee, negative (a deduction), or 0 for a refund. */
    private static long fee(ReportedTransaction t, String fee) {
        if (t.type().equals("REFUND")) {
            return 0;
        }
        return -BigDecimal.valueOf(t.amount().value()).multiply(BigDecimal.valueOf(FEES_BPS.get(fee)))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.DOWN).longValueExact();
    }

    /** Every transaction of every payment, oldest first. */
    List<ReportedTransaction> transactions() {
        List<ReportedTransaction> all = new ArrayList<>();
        for (Payment payment : payments.get()) {
            synchronized (payment) {
                all.addAll(transactionsOf(payment));
            }
        }
        all.sort(Comparator.comparing(ReportedTransaction::createdAt).thenComparing(ReportedTransaction::type));
        return all;
    }

    private static List<ReportedTransaction> transactionsOf(Payment payment) {
        List<ReportedTransaction> transactions = new ArrayList<>();
        Payment.Terms terms = payment.terms();
        boolean paid = payment.paymentTime() != null;
        boolean manual = terms.manualCapture();
        Capture autoCapture = payment.captures().stream().filter(Capture::automatic)
                .filter(c -> c.status() == PaymentStatus.SUCCESS).findFirst().orElse(null);
        String status = paid ? "SUCCESS" : switch (payment.status()) {
            case FAIL -> "FAIL";
            case CANCELLED -> "CANCELLED";
            default -> "PROCESSING";
        };
        transactions.add(new ReportedTransaction(manual ? "AUTHORIZATION" : "PAYMENT", payment.paymentId(),
                terms.paymentRequestId(), terms.paymentRequestId(), payment.paymentId(), terms.referenceOrderId(),
                status, terms.amount(), payment.createdAt(), payment.paymentTime(), !manual && autoCapture != null));
        for (Capture capture : payment.captures()) {
            if (!capture.automatic()) {
                transactions.add(new ReportedTransaction("CAPTURE", payment.paymentId(), terms.paymentRequestId(),
                        capture.captureRequestId(), capture.captureId(), terms.referenceOrderId(),
                        capture.status().name(), capture.amount(), capture.requestedAt(), capture.captureTime(),
                        true));
            }
        }
        for (Refund refund : payment.refunds()) {
            transactions.add(new ReportedTransaction("REFUND", payment.paymentId(), terms.paymentRequestId(),
                    refund.refundRequestId(), refund.refundId(), terms.referenceOrderId(), refund.status().name(),
                    refund.amount(), refund.requestedAt(), refund.refundTime(), true));
        }
        boolean voided = paid && payment.status() == PaymentStatus.CANCELLED && payment.cancelTime() != null
                && !"AUTHORIZATION_EXPIRED".equals(payment.paymentResult().resultCode());
        if (voided) {
            transactions.add(new ReportedTransaction("CANCEL", payment.paymentId(), terms.paymentRequestId(),
                    terms.paymentRequestId(), payment.paymentId(), terms.referenceOrderId(), "SUCCESS",
                    terms.amount(), payment.cancelTime(), payment.cancelTime(), false));
        }
        return transactions;
    }

    /** Major units with the currency's exponent: {@code 42.00} for SGD 4200, {@code -1.20}, {@code 4200} for JPY. */
    static String major(Money money) {
        return BigDecimal.valueOf(money.value(), Currency.getInstance(money.currency()).getDefaultFractionDigits())
                .toPlainString();
    }

    private static void line(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields[i] == null ? "" : fields[i];
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            csv.append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        csv.append('\n');
    }

    private static Map<String, Integer> orderedFees() {
        Map<String, Integer> fees = new LinkedHashMap<>();
        fees.put("interchangeFee", 120);
        fees.put("schemeFee", 15);
        fees.put("acquirerMarkup", 100);
        return fees;
    }
}
