package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.payengine.application.usecase.ListDiscrepancies;
import org.payengine.application.usecase.ListReconciliationRuns;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.ReconciliationRun;

/**
 * The demo's reconciliation page, {@code /demo/reconciliation}: the latest runs (each report file checked against the
 * engine's records) and the discrepancies, open ones first, with what the engine's records say, what Antom's report
 * says and where each stands.
 *
 * <p>Element ids: {@code #runs}, {@code #run-<runId>}, {@code #discrepancies}, {@code #discrepancy-<id>},
 * {@code #open-count}.
 */
public final class ReconciliationPage {

    static final int SHOWN = 50;

    private final ListReconciliationRuns listRuns;
    private final ListDiscrepancies listDiscrepancies;

    public ReconciliationPage(ListReconciliationRuns listRuns, ListDiscrepancies listDiscrepancies) {
        this.listRuns = listRuns;
        this.listDiscrepancies = listDiscrepancies;
    }

    public void show(HttpServerExchange exchange) {
        Html.send(exchange, 200, render(listRuns.list(SHOWN), listDiscrepancies.list(false, ListDiscrepancies.MAX_LIMIT)));
    }

    static String render(List<ReconciliationRun> runs, List<Discrepancy> discrepancies) {
        StringBuilder body = new StringBuilder();
        body.append("<p>Antom's reports checked against the engine's records: post a report to ")
                .append("<code>POST /v1/reconciliation/reports</code>, run <code>reconcile --file PATH</code> or ")
                .append("<code>reconcile --sftp</code>, or let the daily run fetch it.</p>\n");
        body.append("<h2>Runs</h2>\n");
        if (runs.isEmpty()) {
            body.append("<p id=\"runs\">No report checked yet.</p>\n");
        } else {
            body.append("<table id=\"runs\"><tr><th>run</th><th>report</th><th>day</th><th>file</th><th>rows</th>")
                    .append("<th>matched</th><th>discrepancies</th><th>when</th></tr>\n");
            for (ReconciliationRun run : runs) {
                body.append("<tr id=\"run-").append(escape(run.runId())).append("\"><td>").append(escape(run.runId()))
                        .append("</td><td>").append(escape(run.reportType())).append("</td><td>")
                        .append(escape(run.day().map(Object::toString).orElse(""))).append("</td><td>")
                        .append(escape(run.fileName() == null ? run.source() : run.fileName())).append("</td><td>")
                        .append(run.rows()).append("</td><td>").append(run.matched()).append("</td><td>")
                        .append(run.discrepancies().size()).append("</td><td>").append(escape(run.startedAt()))
                        .append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
        long open = discrepancies.stream().filter(Discrepancy::isOpen).count();
        body.append("<h2>Discrepancies</h2>\n<p id=\"open-count\">").append(open).append(" open</p>\n");
        if (!discrepancies.isEmpty()) {
            body.append("<table id=\"discrepancies\"><tr><th>type</th><th>request id</th><th>Antom id</th>")
                    .append("<th>order</th><th>engine says</th><th>report says</th><th>resolution</th></tr>\n");
            discrepancies.stream().sorted((a, b) -> Boolean.compare(b.isOpen(), a.isOpen())).forEach(discrepancy ->
                    body.append("<tr id=\"discrepancy-").append(escape(discrepancy.id())).append("\"><td>")
                            .append(escape(discrepancy.type())).append("</td><td>")
                            .append(escape(orEmpty(discrepancy.transactionRequestId()))).append("</td><td>")
                            .append(escape(orEmpty(discrepancy.transactionId()))).append("</td><td>")
                            .append(escape(discrepancy.orderId() == null ? "" : discrepancy.orderId().value()))
                            .append("</td><td>").append(escape(orEmpty(discrepancy.expected()))).append("</td><td>")
                            .append(escape(orEmpty(discrepancy.actual()))).append("</td><td title=\"")
                            .append(escape(orEmpty(discrepancy.detail()))).append("\">")
                            .append(escape(discrepancy.resolution())).append("</td></tr>\n"));
            body.append("</table>\n");
        }
        return Html.page("Reconciliation", body.toString());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
