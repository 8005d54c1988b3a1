package org.payengine.simulator.reports;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.Locale;
import org.payengine.simulator.wire.Json;

/**
 * {@code GET /sandbox/reports/transactions?date=YYYY-MM-DD[&layout=classic]} — the transaction details of a day (UTC+8);
 * {@code GET /sandbox/reports/settlement?date=YYYY-MM-DD[&report=summary]} — the settlement details (or summary) of
 * the batches settled that day. CSV in Antom's layout, with its {@code <END>} line. A day that has not ended yet gives
 * the transactions so far.
 */
public final class ReportsApi implements HttpHandler {

    private static final String PREFIX = "/sandbox/reports/";

    private final SimulatorReports reports;

    public ReportsApi(SimulatorReports reports) {
        this.reports = reports;
    }

    public static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String report = exchange.getRequestPath().substring(PREFIX.length());
        if (!exchange.getRequestMethod().toString().equals("GET")) {
            error(exchange, 405, "METHOD_NOT_ALLOWED", "reports are read with GET");
            return;
        }
        LocalDate date;
        try {
            String text = query(exchange, "date");
            if (text == null) {
                error(exchange, 400, "INVALID_INPUT", "date is required, as YYYY-MM-DD");
                return;
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(exchange, 400, "INVALID_INPUT", "date must be YYYY-MM-DD");
            return;
        }
        switch (report) {
            case "transactions" -> {
                String layout = query(exchange, "layout");
                if (layout != null && !layout.equalsIgnoreCase("classic") && !layout.equalsIgnoreCase("current")) {
                    error(exchange, 400, "INVALID_INPUT", "layout must be current or classic");
                    return;
                }
                csv(exchange, "transactionItems_" + compact(date) + "_000.csv", reports.transactionDetails(date,
                        layout == null ? ReportLayout.CURRENT : ReportLayout.valueOf(layout.toUpperCase(Locale.ROOT))));
            }
            case "settlement" -> {
                String kind = query(exchange, "report");
                if (kind != null && !kind.equals("details") && !kind.equals("summary")) {
                    error(exchange, 400, "INVALID_INPUT", "report must be details or summary");
                    return;
                }
                boolean summary = "summary".equals(kind);
                csv(exchange, (summary ? "settlementSummary_" : "settlementItems_") + compact(date) + "_000.csv",
                        summary ? reports.settlementSummary(date) : reports.settlementDetails(date));
            }
            default -> error(exchange, 404, "NOT_FOUND", "the reports are transactions and settlement");
        }
    }

    private static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static void csv(HttpServerExchange exchange, String fileName, String body) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/csv; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static void error(HttpServerExchange exchange, int status, String code, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=UTF-8");
        var body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        exchange.getResponseSender().send(Json.write(body), StandardCharsets.UTF_8);
    }
}
