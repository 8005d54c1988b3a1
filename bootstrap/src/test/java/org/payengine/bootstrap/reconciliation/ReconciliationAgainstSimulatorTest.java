package org.payengine.bootstrap.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.antom.reports.SftpReportSource;
import org.payengine.adapters.antom.reports.SftpSettings;
import org.payengine.application.usecase.FetchReports;
import org.payengine.bootstrap.PayEngineCommand;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.EngineConfiguration;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.RemediationStatus;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.reports.ReportsSftpServer;

/**
 * A day of payments through the simulator, reconciled the ways a merchant would: fetched from Antom's SFTP server (a
 * real SFTP connection, host key pinned) and posted to the merchant API as a file, in the current layout and the
 * classic one; the same day's report tampered with; and files that must be refused. The engine's clock follows the
 * simulator's, so the day ends for both when the simulator's clock passes midnight (UTC+8).
 */
class ReconciliationAgainstSimulatorTest {

    private static final String MERCHANT = "2188120000000001";
    /** 10:00 on 5 January 2026 at UTC+8: the day's payments stay in Antom's day. */
    private static final Instant START = Instant.parse("2026-01-05T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final String GOOD_CARD = "4054695723100768";
    private static final String DECLINED_CARD = "4054692760174822";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private AntomSimulator antom;
    private StandaloneEngine engine;
    private URI api;
    private Map<String, String> environment;

    private void start(Path data) {
        antom = AntomSimulator.builder().startTime(START).merchantId(MERCHANT).sftpPort(0).build().start();
        environment = ServeEnvironment.of(antom, data);
        environment.put("PAYENGINE_WORKERS", "false");
        environment.put("PAYENGINE_RECONCILIATION_MERCHANT_ID", MERCHANT);
        EngineConfiguration configuration = EngineConfiguration.read(ConfigurationValues.of(environment));
        engine = StandaloneEngine.start(configuration, event -> { }, antom::now);
        api = engine.localUrl();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
        if (antom != null) {
            antom.stop();
        }
    }

    @Test
    void a_day_of_payments_reconciles_to_no_discrepancy_over_sftp_and_posted_as_a_file(@TempDir Path data)
            throws Exception {
        start(data);
        aDayOfPayments();
        antom.advanceClock(Duration.ofDays(2)); // the day is over, and its batch settled the next day

        ReportsSftpServer sftp = antom.sftp().orElseThrow();
        SftpReportSource source = new SftpReportSource(new SftpSettings("127.0.0.1", sftp.port(), sftp.user(),
                Optional.of(sftp.password()), Optional.empty(), sftp.hostKeyFingerprint(), ReportsSftpServer.ROOT,
                MERCHANT, Duration.ofSeconds(20)));
        List<FetchReports.Fetched> fetched = engine.component().fetchReports().fetchNew(source);

        List<String> names = fetched.stream().map(file -> file.file().fileName()).toList();
        assertTrue(names.contains("transactionItems_20260105_000.csv"), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("settlementItems_SGD_")), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("settlementSummary_SGD_")), names::toString);
        for (FetchReports.Fetched file : fetched) {
            assertEquals(FetchReports.Outcome.CHECKED, file.outcome(), file::toString);
            assertEquals(List.of(), file.run().discrepancies(), file::toString);
        }
        FetchReports.Fetched day = fetched.stream()
                .filter(file -> file.file().fileName().equals("transactionItems_20260105_000.csv")).findFirst().orElseThrow();
        assertEquals(day.run().rows(), day.run().matched(), "every row of the day matched");
        assertEquals(List.of(), engine.component().fetchReports().fetchNew(source), "each file is taken once");

        JsonNode posted = postReport(report("transactions?date=" + DAY), null, 201);
        assertEquals(0, posted.path("discrepancies").size(), posted.toString());
        assertEquals(posted.path("rows").asInt(), posted.path("matched").asInt(), posted.toString());
        assertEquals("TRANSACTION_DETAILS", posted.path("reportType").asText());

        JsonNode classic = postReport(report("transactions?date=" + DAY + "&layout=classic"), null, 201);
        assertEquals(0, classic.path("discrepancies").size(), classic.toString());
        JsonNode again = postReport(report("transactions?date=" + DAY + "&layout=classic"), null, 200);
        assertEquals(classic.path("runId").asText(), again.path("runId").asText(), "the same file again is its first run");

        JsonNode settled = get("/v1/reconciliation/runs/" + day.run().runId());
        assertEquals(day.run().runId(), settled.path("runId").asText());
        assertEquals(0, get("/v1/reconciliation/discrepancies?open=true").path("discrepancies").size());
        String metrics = Http.get(api.resolve("/metrics")).body();
        assertTrue(metrics.contains("payengine_reconciliation_discrepancies_open{type=\"AMOUNT_MISMATCH\"} 0"), metrics);
    }

    @Test
    void a_tampered_report_yields_exactly_its_four_discrepancies_and_the_missed_success_is_applied(@TempDir Path data)
            throws Exception {
        start(data);
        Payments day = aDayOfPayments();
        Paid missed = pay("missed-1", "AUTOMATIC", GOOD_CARD); // Antom has it; the engine never heard (no sync)
        antom.advanceClock(Duration.ofDays(1));
        String report = report("transactions?date=" + DAY);
        List<String> lines = new ArrayList<>(report.lines().toList());
        String captureRow = lines.stream().filter(line -> line.contains(",CAPTURE,")).findFirst().orElseThrow();
        lines.remove(captureRow);
        int changed = indexOf(lines, day.automatic().paymentRequestId() + ",");
        lines.set(changed, lines.get(changed).replace(",42.00,SGD", ",43.00,SGD"));
        lines.add(lines.size() - 1, MERCHANT + ",ANTOM_SIMULATOR,,,,20260105114000000000009999999999999,"
                + "pay-nobody-knows,order-nobody-knows,,PAYMENT,CARD,SUCCESS,2026-01-05 11:00:00,2026-01-05 11:00:05,"
                + "42.00,SGD");

        JsonNode run = postReport(String.join("\n", lines) + "\n", "transactionItems_20260105_000.csv", 201);

        Map<String, JsonNode> found = new java.util.HashMap<>();
        run.path("discrepancies").forEach(discrepancy -> found.put(discrepancy.path("type").asText(), discrepancy));
        assertEquals(4, run.path("discrepancies").size(), run.toString());
        assertTrue(found.get("MISSING_IN_REPORT").path("expected").asText().startsWith("CAPTURE SUCCEEDED"), run.toString());
        assertEquals("SGD 42.00", found.get("AMOUNT_MISMATCH").path("expected").asText());
        assertEquals("SGD 43.00", found.get("AMOUNT_MISMATCH").path("actual").asText());
        assertEquals("pay-nobody-knows", found.get("MISSING_IN_ENGINE").path("transactionRequestId").asText());
        JsonNode status = found.get("STATUS_MISMATCH");
        assertEquals(missed.paymentRequestId(), status.path("transactionRequestId").asText());
        assertEquals("APPLIED_FROM_ANTOM", status.path("resolution").asText(), status.toString());
        assertEquals("CAPTURED", get("/v1/payments/" + missed.paymentRequestId()).path("status").asText(),
                "the engine asked Antom and applied its answer");
        assertEquals(3, get("/v1/reconciliation/discrepancies?open=true").path("discrepancies").size());
        assertEquals(run.path("runId").asText(), get("/v1/reconciliation/runs/" + run.path("runId").asText())
                .path("runId").asText());
        assertTrue(Http.get(api.resolve("/metrics")).body()
                .contains("payengine_reconciliation_discrepancies_open{type=\"MISSING_IN_ENGINE\"} 1"));
    }

    @Test
    void an_incomplete_a_malformed_and_another_merchants_file_are_refused_and_nothing_applied(@TempDir Path data)
            throws Exception {
        start(data);
        sync(pay("refused-1", "AUTOMATIC", GOOD_CARD));
        String report = report("transactions?date=" + DAY);

        JsonNode truncated = postReport(report.replace("<END>\n", ""), null, 422);
        JsonNode malformed = postReport(report.replace(",42.00,SGD", ",4x.00,SGD"), null, 422);
        JsonNode foreign = postReport(report.replace(MERCHANT, "2188120000000999"), null, 422);

        assertEquals("REPORT_REFUSED", truncated.path("error").path("code").asText());
        assertTrue(truncated.path("error").path("message").asText().contains("without Antom's <END> line"),
                truncated.toString());
        assertTrue(malformed.path("error").path("message").asText()
                .contains("line 2, column transactionAmountValue: \"4x.00\" is not a decimal amount"), malformed.toString());
        assertEquals("REPORT_OF_ANOTHER_MERCHANT", foreign.path("error").path("code").asText());
        assertTrue(foreign.path("error").path("message").asText().contains("2188120000000999"), foreign.toString());
        assertEquals(0, get("/v1/reconciliation/discrepancies").path("discrepancies").size());

        Path file = data.resolve("transactionItems_20260105_000.csv");
        Files.writeString(file, report.replace("<END>\n", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PayEngineCommand.run(new String[] {"reconcile", "--file", file.toString()}, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(1, exit, out::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("REPORT_REFUSED"), out::toString);

        Files.writeString(file, report);
        out.reset();
        assertEquals(0, PayEngineCommand.run(new String[] {"reconcile", "--file", file.toString()}, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())),
                out::toString);
        JsonNode run = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run.path("rows").asInt(), run.toString());
        assertEquals(0, run.path("discrepancies").size(), run.toString());
    }

    // ------------------------------------------------------------------ a day of payments

    private record Paid(String paymentRequestId, String paymentId) {
    }

    private record Payments(Paid automatic, Paid manual) {
    }

    /** Successes, a decline, a capture, a duplicate that was refunded and a cancel, all known to the engine. */
    private Payments aDayOfPayments() throws Exception {
        Paid automatic = pay("auto-1", "AUTOMATIC", GOOD_CARD);
        sync(automatic);
        Paid manual = pay("manual-1", "MANUAL", GOOD_CARD);
        sync(manual);
        post("/v1/payments/" + manual.paymentRequestId() + "/capture", 202);
        sync(manual);
        sync(pay("declined-1", "AUTOMATIC", DECLINED_CARD));
        Paid voided = pay("voided-1", "MANUAL", GOOD_CARD);
        sync(voided);
        post("/v1/payments/" + voided.paymentRequestId() + "/cancel", 202);

        createOrder("dup-1");
        Paid first = startPayment("dup-1", "AUTOMATIC");
        Paid second = startPayment("dup-1", "AUTOMATIC");
        antom.completePayment(first.paymentId(), GOOD_CARD, false);
        antom.completePayment(second.paymentId(), GOOD_CARD, false);
        sync(first);
        sync(second);
        PaymentRequestId duplicate = PaymentRequestId.of(second.paymentRequestId());
        for (int step = 0; step < 5; step++) {
            var remediated = engine.component().remediateDuplicate().remediate(duplicate).value();
            if (remediated.remediation().orElseThrow() == RemediationStatus.REFUNDED) {
                break;
            }
        }
        assertEquals("REFUNDED", get("/v1/payments/" + second.paymentRequestId()).path("status").asText());
        return new Payments(automatic, manual);
    }

    private Paid pay(String orderId, String captureMode, String card) throws Exception {
        createOrder(orderId);
        Paid paid = startPayment(orderId, captureMode);
        antom.completePayment(paid.paymentId(), card, false);
        return paid;
    }

    private void createOrder(String orderId) throws Exception {
        HttpResponse<String> order = Http.postJson(api.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                "{\"referenceOrderId\":\"" + orderId + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");
        assertEquals(201, order.statusCode(), order.body());
    }

    private Paid startPayment(String orderId, String captureMode) throws Exception {
        HttpResponse<String> started = Http.postJson(api.resolve("/v1/orders/" + orderId + "/payments"),
                ServeEnvironment.API_KEY, "{\"captureMode\":\"" + captureMode + "\",\"redirectUrl\":\"https://shop.example/r\","
                        + "\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}");
        assertEquals(201, started.statusCode(), started.body());
        JsonNode body = JSON.readTree(started.body());
        return new Paid(body.path("paymentRequestId").asText(), body.path("paymentId").asText());
    }

    private void sync(Paid paid) throws Exception {
        post("/v1/payments/" + paid.paymentRequestId() + "/sync", 200);
    }

    private void post(String path, int expected) throws Exception {
        HttpResponse<String> answer = Http.postJson(api.resolve(path), ServeEnvironment.API_KEY, "{}");
        assertEquals(expected, answer.statusCode(), answer.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = Http.getAuthorized(api.resolve(path), ServeEnvironment.API_KEY);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private String report(String query) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(antom.baseUrl()
                + "/sandbox/reports/" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private JsonNode postReport(String csv, String fileName, int expected) throws Exception {
        String query = fileName == null ? "" : "?fileName=" + fileName;
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(api.resolve("/v1/reconciliation/reports" + query))
                .header("Authorization", "Bearer " + ServeEnvironment.API_KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError(part + " in " + lines);
    }
}
