package org.payengine.adapters.antom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

class AntomReportDecoderTest {

    private final AntomReportDecoder decoder = new AntomReportDecoder();

    /** The transaction report of the current layout, as Antom's documentation illustrates it. */
    static final String CURRENT_TRANSACTIONS = """
            customerId,PSP,ARN,referenceMerchantId,referenceStoreId,transactionId,transactionRequestId,referenceTransactionId,originalTransactionRequestId,transactionType,paymentMethodType,status,transactionAmountValue,transactionCurrency,settlementAmountValue,settlementCurrency
            2188120000000001,<PSP>,74987650001234567890123,,,2026010519401080010018800000001234,CAP_0001,ORDER_0001,PAY_0001,CAPTURE,CARD,SUCCESS,100.00,USD,97.65,USD
            2188120000000001,<PSP>,,,,2026010519401080010018800000001234,REF_0001,ORDER_0001,PAY_0001,REFUND,CARD,SUCCESS,20.00,USD,-20.00,USD
            <END>
            """;

    @Test
    void the_current_transaction_report_is_read_by_header_name() {
        Report report = decoded(null, CURRENT_TRANSACTIONS);

        assertEquals(ReportType.TRANSACTION_DETAILS, report.type());
        assertEquals(2, report.rows().size());
        ReportRow capture = report.rows().get(0);
        assertEquals(2, capture.line());
        assertEquals(TransactionType.CAPTURE, capture.type());
        assertEquals("2026010519401080010018800000001234", capture.transactionId());
        assertEquals("CAP_0001", capture.transactionRequestId());
        assertEquals("PAY_0001", capture.originalTransactionRequestId());
        assertEquals("ORDER_0001", capture.referenceOrderId());
        assertEquals(ReportedStatus.SUCCESS, capture.status());
        assertEquals(SignedMoney.of("USD", 10000), capture.transactionAmount());
        assertEquals(SignedMoney.of("USD", 9765), capture.settlementAmount());
        assertEquals("2188120000000001", capture.merchantId());
        assertEquals(SignedMoney.of("USD", -2000), report.rows().get(1).settlementAmount());
        assertEquals(java.util.Set.of("2188120000000001"), report.merchantIds());
    }

    @Test
    void settlement_details_keep_every_fee_signed_as_antom_writes_it() {
        Report report = decoded(null, """
                settlementBatchId,customerId,PSP,ARN,referenceMerchantId,referenceStoreId,transactionId,transactionRequestId,referenceTransactionId,transactionType,settlementInitiatedDate,transactionAmountValue,transactionCurrency,settlementAmountValue,settlementCurrency,interchangeFeeAmountValue,interchangeFeeCurrency,schemeFeeAmountValue,schemeFeeCurrency,acquirerMarkupAmountValue,acquirerMarkupCurrency
                2026010900001,2188120000000001,<PSP>,74987650001234567890123,,,2026010519401080010018800000001234,CAP_0001,ORDER_0001,CAPTURE,2026-01-09 02:00:00,100.00,USD,97.65,USD,-1.20,USD,-0.15,USD,-1.00,USD
                2026010900001,2188120000000001,<PSP>,,,,2026010519401080010018800000001234,REF_0001,ORDER_0001,REFUND,2026-01-09 02:00:00,20.00,USD,-20.00,USD,,,,,,
                <END>
                """);

        assertEquals(ReportType.SETTLEMENT_DETAILS, report.type());
        ReportRow capture = report.rows().get(0);
        assertEquals("2026010900001", capture.settlementBatchId());
        assertEquals(Instant.parse("2026-01-08T18:00:00Z"), capture.settlementTime(), "Antom's times are at UTC+8");
        assertEquals(List.of(new Fee("acquirerMarkup", SignedMoney.of("USD", -100)),
                new Fee("interchangeFee", SignedMoney.of("USD", -120)),
                new Fee("schemeFee", SignedMoney.of("USD", -15))), capture.fees());
        assertEquals(List.of(), report.rows().get(1).fees());
    }

    @Test
    void the_settlement_summary_gives_the_batch_totals() {
        Report report = decoded("settlementSummary_USD_2026010900001_000.csv", """
                settlementBatchId,customerId,PSP,summaryType,settlementInitiatedDate,count,settlementAmountValue,settlementCurrency
                2026010900001,2188120000000001,<PSP>,CAPTURE,2026-01-09 02:00:00,1,97.65,USD
                2026010900001,2188120000000001,<PSP>,REFUND,2026-01-09 02:00:00,1,-20.00,USD
                2026010900001,2188120000000001,<PSP>,TOTAL,2026-01-09 02:00:00,2,77.65,USD
                <END>
                """);

        assertEquals(ReportType.SETTLEMENT_SUMMARY, report.type());
        assertEquals(new SettlementTotal(4, "2026010900001", TransactionType.TOTAL, "TOTAL", 2,
                SignedMoney.of("USD", 7765), Instant.parse("2026-01-08T18:00:00Z"), "2188120000000001"),
                report.totals().get(2));
    }

    @Test
    void the_classic_layout_an_sftp_account_may_still_receive_is_read_too() {
        Report report = decoded("transactionItems_20260105_000.csv", """
                customerId,acquirer,acquirerReferenceNo,referenceMerchantId,referenceStoreId,transactionType,transactionId,originalTransactionId,transactionRequestId,originalTransactionRequestId,referenceTransactionId,orderDescription,paymentMethodType,pspName,paymentTime,productCode,transactionAmountValue,transactionCurrency,installmentsNum,issuingCountry,cardBrand,funding
                2188120000000001,ACQ,,,,PAYMENT,2026010511401080010018800000000001,,PAY_0001,,ORDER_0001,"A teapot, blue",CARD,,2026-01-05 10:00:00,CASHIER_PAYMENT,42.00,SGD,,SG,VISA,CREDIT
                2188120000000001,ACQ,,,,REFUND,2026010511901080010018800000000009,2026010511401080010018800000000001,REF_0001,PAY_0001,ORDER_0001,,CARD,,2026-01-05 11:00:00,CASHIER_PAYMENT,12.00,SGD,,SG,VISA,CREDIT
                <END>
                """);

        assertEquals(Optional.of(ReportDay.of(LocalDate.of(2026, 1, 5))), report.day());
        ReportRow refund = report.rows().get(1);
        assertEquals(TransactionType.REFUND, refund.type());
        assertEquals("2026010511401080010018800000000001", refund.originalTransactionId());
        assertEquals(ReportedStatus.SUCCESS, refund.status(), "the classic report lists successes only");
        assertEquals(Instant.parse("2026-01-05T03:00:00Z"), refund.transactionTime());
        assertNull(refund.settlementAmount());
    }

    @Test
    void a_header_and_the_end_line_alone_are_an_empty_day() {
        Report report = decoded("transactionItems_20260106_000.csv", """
                customerId,PSP,transactionId,transactionRequestId,transactionType,status,transactionAmountValue,transactionCurrency
                <END>
                """);

        assertEquals(0, report.size());
        assertEquals(Optional.of(ReportDay.of(LocalDate.of(2026, 1, 6))), report.day());
    }

    @Test
    void a_file_without_the_end_line_is_incomplete_and_refused() {
        String truncated = CURRENT_TRANSACTIONS.replace("<END>\n", "");

        ReportDecoding.Refused refused = refused(truncated);

        assertEquals(3, refused.line());
        assertTrue(refused.message().contains("without Antom's <END> line"), refused.message());
    }

    @Test
    void a_malformed_amount_is_refused_naming_its_line_and_column() {
        ReportDecoding.Refused refused = refused(CURRENT_TRANSACTIONS.replace("20.00,USD,-20.00", "2O.00,USD,-20.00"));
        assertEquals(3, refused.line());
        assertEquals("line 3, column transactionAmountValue: \"2O.00\" is not a decimal amount such as 100.00",
                refused.message());

        ReportDecoding.Refused tooPrecise = refused(CURRENT_TRANSACTIONS.replace("97.65", "97.655"));
        assertEquals("line 2, column settlementAmountValue: \"97.655\" has 3 decimals; USD has 2", tooPrecise.message());

        ReportDecoding.Refused yen = refused(CURRENT_TRANSACTIONS.replace("100.00,USD,97.65,USD", "100.50,JPY,97,JPY"));
        assertTrue(yen.message().contains("has 2 decimals; JPY has 0"), yen.message());
    }

    @Test
    void problems_of_the_file_itself_are_named() {
        assertTrue(refused("").message().contains("empty"));
        assertTrue(refused("<END>\n").message().contains("no header"));
        assertTrue(refused(CURRENT_TRANSACTIONS.replace("transactionRequestId,referenceTransactionId",
                "transactionId,referenceTransactionId")).message().contains("transactionId appears twice"));
        assertTrue(refused(CURRENT_TRANSACTIONS.replace(",SUCCESS,20.00", ",SUCCESS,20.00,extra")).message()
                .contains("line 3 has 17 fields where the header has 16 columns"));
        assertTrue(refused(CURRENT_TRANSACTIONS.replace("customerId,", "merchant,")).message()
                .contains("needs the column customerId"));
        assertTrue(refused(CURRENT_TRANSACTIONS + "2188,x\n").message().contains("without Antom's <END>"));
        assertTrue(refused(CURRENT_TRANSACTIONS.replace("<END>", "<END>\nmore,lines\n<END>")).message()
                .contains("more lines follow it"));
        assertTrue(refused("customerId,transactionType\n\"2188,PAYMENT\n<END>\n").message().contains("never closed"));
        assertTrue(decoder.decode(new ReportFile("x.csv", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}))
                instanceof ReportDecoding.Refused);
        assertTrue(refused(CURRENT_TRANSACTIONS.replace("SUCCESS,100.00,USD", "SUCCESS,100.00,")).message()
                .contains("column transactionAmountValue: has the amount 100.00 but no currency"));
    }

    @Test
    void quoting_line_endings_a_byte_order_mark_and_unknown_columns_change_nothing() {
        Report plain = decoded(null, CURRENT_TRANSACTIONS);
        String dressed = "\uFEFF" + CURRENT_TRANSACTIONS.replace("\n", "\r\n")
                .replace(",CARD,", ",\"CARD\",")
                .replace("customerId,PSP,", "customerId,aColumnAntomAddsNextYear,PSP,")
                .replace("2188120000000001,<PSP>", "2188120000000001,\"some \"\"new\"\", value\",<PSP>");

        assertEquals(plain, decoded(null, dressed));
    }

    @Test
    void a_transaction_reports_day_comes_from_its_name_or_else_from_its_rows() {
        String rows = """
                customerId,transactionId,transactionRequestId,transactionType,status,transactionAmountValue,transactionCurrency,transactionCreationTime
                2188,p1,r1,PAYMENT,SUCCESS,1.00,USD,2026-01-05T23:59:00+08:00
                2188,p2,r2,PAYMENT,SUCCESS,1.00,USD,2026-01-05 08:00:00
                2188,p3,r3,PAYMENT,FAIL,1.00,USD,2026-01-06 00:00:01
                <END>
                """;
        assertEquals(Optional.of(ReportDay.of(LocalDate.of(2026, 1, 5))), decoded(null, rows).day());
        assertEquals(Optional.of(ReportDay.of(LocalDate.of(2026, 1, 7))),
                decoded("transactionItems_20260107_000.csv", rows).day());
        assertTrue(refused(rows.replace("2026-01-05 08:00:00", "yesterday")).message()
                .startsWith("line 3, column transactionCreationTime: \"yesterday\" is not a time"));
    }

    @Test
    void types_antom_adds_later_are_kept_not_refused() {
        Report report = decoded(null, CURRENT_TRANSACTIONS.replace(",REFUND,", ",INSTALMENT_FEE,"));

        assertEquals(TransactionType.OTHER, report.rows().get(1).type());
        assertEquals("INSTALMENT_FEE", report.rows().get(1).typeName());
    }

    private Report decoded(String name, String text) {
        ReportDecoding decoding = decoder.decode(new ReportFile(name, text.getBytes(StandardCharsets.UTF_8)));
        return assertInstanceOf(ReportDecoding.Decoded.class, decoding, decoding::toString).report();
    }

    private ReportDecoding.Refused refused(String text) {
        ReportDecoding decoding = decoder.decode(new ReportFile(null, text.getBytes(StandardCharsets.UTF_8)));
        return assertInstanceOf(ReportDecoding.Refused.class, decoding, decoding::toString);
    }
}
