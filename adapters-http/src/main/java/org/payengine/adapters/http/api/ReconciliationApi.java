package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.adapters.http.transport.RouteParameters;
import org.payengine.application.port.ReportFile;
import org.payengine.application.usecase.GetReconciliationRun;
import org.payengine.application.usecase.ListDiscrepancies;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.domain.Result;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.ReconciliationRun;

/**
 * {@code /v1/reconciliation}: post one of Antom's report files (the CSV as the body, {@code text/csv}) and get the run
 * that checked it against the engine's records; read a run again; list the discrepancies, all or the open ones.
 */
public final class ReconciliationApi {

    /** The default number of discrepancies one list answers, and the most it may be asked for. */
    static final int DEFAULT_LIMIT = 100;

    private final BoundedBody reports;
    private final ReconcileReport reconcileReport;
    private final GetReconciliationRun getRun;
    private final ListDiscrepancies listDiscrepancies;

    /** @param reports how large a report file may be */
    public ReconciliationApi(BoundedBody reports, ReconcileReport reconcileReport, GetReconciliationRun getRun,
                             ListDiscrepancies listDiscrepancies) {
        this.reports = reports;
        this.reconcileReport = reconcileReport;
        this.getRun = getRun;
        this.listDiscrepancies = listDiscrepancies;
    }

    /** 201 with the run; 200 with the first run when the same file was posted before (nothing changed now). */
    public void postReport(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("text/csv") && !mediaType.equals("text/plain")) {
            throw HttpError.unsupportedMediaType(contentType == null ? "a body without Content-Type" : contentType);
        }
        exchange.setMaxEntitySize(reports.maxBytes());
        byte[] body = reports.read(exchange);
        if (body.length == 0) {
            throw HttpError.missingField("body");
        }
        String fileName = RouteParameters.query(exchange, "fileName");
        ReconcileReport.Reconciled reconciled = accepted(reconcileReport.reconcile(new ReportFile(fileName, body),
                "upload"));
        JsonAnswers.send(exchange, reconciled.repeated() ? 200 : 201, RunView.of(reconciled.run()));
    }

    public void getRun(HttpServerExchange exchange) {
        String runId = RouteParameters.path(exchange, "runId", id -> id);
        JsonAnswers.send(exchange, 200, RunView.of(accepted(getRun.get(runId))));
    }

    /** {@code ?open=true} for the open ones only; {@code &limit=} (default and most {@value #DEFAULT_LIMIT}). */
    public void discrepancies(HttpServerExchange exchange) {
        String open = RouteParameters.query(exchange, "open");
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw HttpError.invalidValue("open", "must be true or false");
        }
        int limit = limit(RouteParameters.query(exchange, "limit"));
        List<Discrepancy> found = listDiscrepancies.list("true".equals(open), limit);
        JsonAnswers.send(exchange, 200, Map.of("discrepancies", found.stream().map(DiscrepancyView::of).toList()));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= ListDiscrepancies.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw HttpError.invalidValue("limit", "must be a whole number from 1 to " + ListDiscrepancies.MAX_LIMIT);
    }

    private static <T> T accepted(Result<T> result) {
        if (result.isAccepted()) {
            return result.value();
        }
        String code = result.rejection().code();
        if (code.equals("REPORT_REFUSED") || code.equals("REPORT_OF_ANOTHER_MERCHANT")) {
            throw new HttpError(422, code, result.rejection().message(), "body");
        }
        if (code.equals("RECONCILIATION_NOT_CONFIGURED")) {
            throw new HttpError(503, code, result.rejection().message(), null);
        }
        throw Rejections.asError(result.rejection());
    }

    /** A run: {@code {"runId","reportType","rows","matched","discrepancies":[…]}} and where the file came from. */
    public record RunView(String runId, String reportType, int rows, int matched, List<DiscrepancyView> discrepancies,
                          String source, String fileName, String day, String startedAt) {
        public static RunView of(ReconciliationRun run) {
            return new RunView(run.runId(), run.reportType().name(), run.rows(), run.matched(),
                    run.discrepancies().stream().map(DiscrepancyView::of).toList(), run.source(), run.fileName(),
                    run.day().map(Object::toString).orElse(null), Views.timestamp(run.startedAt()));
        }
    }

    /**
     * A discrepancy: {@code {"type","transactionRequestId","transactionId","expected","actual","resolution"}}, with
     * {@code expected} what the engine's records say and {@code actual} what Antom's report says.
     */
    public record DiscrepancyView(String discrepancyId, String type, String transactionRequestId, String transactionId,
                                  String referenceOrderId, String expected, String actual, String resolution,
                                  boolean open, String detail, String runId, String foundAt, String resolvedAt) {
        public static DiscrepancyView of(Discrepancy discrepancy) {
            return new DiscrepancyView(discrepancy.id(), discrepancy.type().name(), discrepancy.transactionRequestId(),
                    discrepancy.transactionId(), discrepancy.orderId() == null ? null : discrepancy.orderId().value(),
                    discrepancy.expected(), discrepancy.actual(), discrepancy.resolution().name(), discrepancy.isOpen(),
                    discrepancy.detail(), discrepancy.runId(), Views.timestamp(discrepancy.foundAt()),
                    discrepancy.resolvedAt() == null ? null : Views.timestamp(discrepancy.resolvedAt()));
        }
    }
}
