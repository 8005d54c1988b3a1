package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.reports.ReportLayout;
import org.payengine.simulator.reports.ReportsSftpServer;

/** The reports of the payments the simulator processed, over HTTP and over a real SFTP connection. */
class ReportsTest {

    private static final String GOOD_CARD = "4054695723100768";
    private static final String DECLINED_CARD = "4054692760174822";
    /** 10:00 at UTC+8: the whole test stays in one of Antom's days. */
    private static final Instant START = Instant.parse("2026-01-05T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private AntomSimulator antom;
    private RawClient raw;
    private MerchantEndpoint merchant;

    @BeforeEach
    void start() {
        merchant = new MerchantEndpoint();
        antom = AntomSimulator.builder().defaultNotifyUrl(merchant.url()).startTime(START).merchantId("2188120000000001")
                .sftpPort(0).build().start();
        raw = new RawClient(antom);
    }

    @AfterEach
    void stop() {
        antom.stop();
        merchant.close();
    }

    @Test
    void the_transaction_report_lists_each_transaction_of_the_day_with_its_latest_status() throws Exception {
        String paid = pay("rep-paid", "AUTOMATIC", GOOD_CARD);
        String authorized = pay("rep-auth", "MANUAL", GOOD_CARD);
        raw.call("capture", Requests.capture("rep-cap", authorized, "SGD", "4200"));
        pay("rep-declined", "AUTOMATIC", DECLINED_CARD);
        raw.call("refund", Requests.refund("rep-refund", paid, "1000"));

        String report = get("/sandbox/reports/transactions?date=" + DAY);

        List<String> lines = report.lines().toList();
        assertEquals("customerId,PSP,ARN,referenceMerchantId,referenceStoreId,transactionId,transactionRequestId,"
                + "referenceTransactionId,originalTransactionRequestId,transactionType,paymentMethodType,status,"
                + "transactionCreationTime,transactionCompletionTime,transactionAmountValue,transactionCurrency",
                lines.get(0));
        assertEquals("<END>", lines.get(lines.size() - 1));
        assertTrue(has(lines, "rep-paid,order-rep-paid,,PAYMENT,CARD,SUCCESS"), report);
        assertTrue(has(lines, "rep-auth,order-rep-auth,,AUTHORIZATION,CARD,SUCCESS"), report);
        assertTrue(has(lines, "rep-cap,order-rep-auth,rep-auth,CAPTURE,CARD,SUCCESS"), report);
        assertTrue(has(lines, "rep-declined,order-rep-declined,,PAYMENT,CARD,FAIL"), report);
        assertTrue(has(lines, "rep-refund,order-rep-paid,rep-paid,REFUND,CARD,SUCCESS"), report);
        assertTrue(has(lines, ",42.00,SGD"), report);
        assertEquals(7, lines.size(), report);

        String classic = get("/sandbox/reports/transactions?date=" + DAY + "&layout=classic");
        assertTrue(classic.startsWith("customerId,acquirer,acquirerReferenceNo,"), classic);
        assertFalse(classic.contains("rep-declined"), "the classic report lists successes only");
        assertEquals("customerId,PSP,ARN,referenceMerchantId,referenceStoreId,transactionId,transactionRequestId,"
                + "referenceTransactionId,originalTransactionRequestId,transactionType,paymentMethodType,status,"
                + "transactionCreationTime,transactionCompletionTime,transactionAmountValue,transactionCurrency\n<END>\n",
                get("/sandbox/reports/transactions?date=2026-01-04"), "a day without payments is an empty report");
    }

    @Test
    void the_day_settles_the_next_day_with_fees_written_negative() throws Exception {
        String paid = pay("set-paid", "AUTOMATIC", GOOD_CARD);
        raw.call("refund", Requests.refund("set-refund", paid, "1000"));

        String details = get("/sandbox/reports/settlement?date=" + DAY.plusDays(1));
        String summary = get("/sandbox/reports/settlement?date=" + DAY.plusDays(1) + "&report=summary");

        assertTrue(details.contains("set-paid,order-set-paid,PAYMENT,,2026-01-06 02:00:00,42.00,SGD,41.02,SGD,-0.50,SGD,"
                + "-0.06,SGD,-0.42,SGD"), details);
        assertTrue(details.contains("set-refund,order-set-paid,REFUND,set-paid,2026-01-06 02:00:00,10.00,SGD,-10.00,SGD"),
                details);
        assertTrue(summary.contains(",TOTAL,2026-01-06 02:00:00,2,31.02,SGD"), summary);
        assertEquals(400, status("/sandbox/reports/settlement?date=tomorrow"));
    }

    @Test
    void the_reports_of_ended_days_are_on_the_sftp_server_in_antoms_layout() throws Exception {
        pay("sftp-paid", "AUTOMATIC", GOOD_CARD);
        String expected = antom.reports().transactionDetails(DAY, ReportLayout.CURRENT);
        antom.advanceClock(Duration.ofDays(1));
        ReportsSftpServer sftp = antom.sftp().orElseThrow();

        List<String> names = new ArrayList<>();
        String read;
        SshClient client = SshClient.setUpDefaultClient();
        String fingerprint = sftp.hostKeyFingerprint();
        client.setServerKeyVerifier((session, address, key) -> KeyUtils.getFingerPrint(key).equals(fingerprint));
        client.start();
        try (ClientSession session = client.connect("2188120000000001", "127.0.0.1", sftp.port())
                .verify(Duration.ofSeconds(10)).getSession()) {
            session.addPasswordIdentity(sftp.password());
            session.auth().verify(Duration.ofSeconds(10));
            try (SftpClient files = SftpClientFactory.instance().createSftpClient(session)) {
                files.readDir("/v1/settlements/2188120000000001/20260105").forEach(entry -> names.add(entry.getFilename()));
                try (InputStream in = files.read(
                        "/v1/settlements/2188120000000001/20260105/transactionItems_20260105_000.csv")) {
                    read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            client.stop();
        }

        assertTrue(names.contains("transactionItems_20260105_000.csv"), names::toString);
        assertEquals(expected, read);
        assertThrows(IOException.class, () -> login(sftp, "not-the-password"));
    }

    private static void login(ReportsSftpServer sftp, String password) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true);
        client.start();
        try (ClientSession session = client.connect("2188120000000001", "127.0.0.1", sftp.port())
                .verify(Duration.ofSeconds(10)).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(Duration.ofSeconds(10));
        } finally {
            client.stop();
        }
    }

    private String pay(String id, String captureMode, String card) {
        JsonNode answer = raw.call("pay", Requests.pay(id, "4200", captureMode));
        String paymentId = answer.path("paymentId").asText();
        antom.completePayment(paymentId, card, false);
        return paymentId;
    }

    private static boolean has(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(antom.baseUrl()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return answer.body();
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(antom.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
