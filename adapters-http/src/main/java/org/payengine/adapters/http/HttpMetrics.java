package org.payengine.adapters.http;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.WorkerProgress;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's figures in Prometheus' text format ({@code GET /metrics}): HTTP requests by route template,
 * method and status with latency histograms, refused notifications by reason, what the background workers
 * report through {@link WorkerProgress}, and — when an {@link EngineStatistics} is given — payment attempts by
 * status, unmatched notifications, the outbox backlog and its dead letters, read from the store at each scrape.
 *
 * <p>One instance per engine: hand the same object to the {@link PayEngineHttpServer} and, as their
 * {@link WorkerProgress}, to the workers. Thread-safe; recording never blocks.
 */
public final class HttpMetrics implements WorkerProgress {

    private static final Logger log = LoggerFactory.getLogger(HttpMetrics.class);

    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final EngineStatistics statistics;
    private final ConcurrentMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Latencies> latencies = new ConcurrentHashMap<>();
    private final Map<NotificationDecoding.Reason, LongAdder> refusedNotifications =
            new EnumMap<>(NotificationDecoding.Reason.class);
    private final ConcurrentMap<String, WorkerRun> workers = new ConcurrentHashMap<>();
    private volatile Reconciliations reconciliations;

    /** Figures of the HTTP edge and the workers only. */
    public HttpMetrics() {
        this(null);
    }

    /** @param statistics the store's figures, read at each scrape; {@code null} leaves them out */
    public HttpMetrics(EngineStatistics statistics) {
        this.statistics = statistics;
        for (NotificationDecoding.Reason reason : NotificationDecoding.Reason.values()) {
            refusedNotifications.put(reason, new LongAdder());
        }
    }

    /** Reconciliation's figures (runs, open discrepancies by type) are read from this store at each scrape. */
    public void watch(Reconciliations store) {
        this.reconciliations = store;
    }

    /** One answered request; {@code route} is the route's template (never the raw path, to bound the series). */
    void requestAnswered(String route, String method, int status, long nanos) {
        requests.computeIfAbsent(labels("route", route, "method", method, "status", Integer.toString(status)),
                key -> new LongAdder()).increment();
        latencies.computeIfAbsent(labels("route", route), key -> new Latencies()).record(nanos);
    }

    /** A notification that failed verification or could not be read. */
    void notificationRefused(NotificationDecoding.Reason reason) {
        refusedNotifications.get(reason).increment();
    }

    @Override
    public void runFinished(String worker, Duration lag, int backlog) {
        if (worker == null || lag == null) {
            return;
        }
        workers.compute(worker, (name, previous) -> new WorkerRun(lag, backlog,
                (previous == null ? 0 : previous.runs()) + 1));
    }

    /** The exposition, in Prometheus' text format 0.0.4. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        family(out, "payengine_http_requests_total", "counter",
                "HTTP requests answered, by route template, method and status.");
        new TreeMap<>(requests).forEach((labels, count) ->
                sample(out, "payengine_http_requests_total", labels, count.sum()));
        family(out, "payengine_http_request_duration_seconds", "histogram",
                "Time from the request's arrival to its answer, by route template.");
        new TreeMap<>(latencies).forEach((labels, histogram) -> histogram.write(out, labels));
        family(out, "payengine_notification_verifications_failed_total", "counter",
                "Notifications refused: not verifiably Antom's, or unreadable; by reason.");
        refusedNotifications.forEach((reason, count) -> sample(out,
                "payengine_notification_verifications_failed_total", labels("reason", reason.name()), count.sum()));
        writeWorkers(out);
        writeEngineStatistics(out);
        writeReconciliation(out);
        return out.toString();
    }

    private void writeWorkers(StringBuilder out) {
        Map<String, WorkerRun> runs = new TreeMap<>(workers);
        family(out, "payengine_worker_lag_seconds", "gauge",
                "How long the most overdue item of the worker's last run had been due.");
        runs.forEach((worker, run) -> sample(out, "payengine_worker_lag_seconds", labels("worker", worker),
                seconds(run.lag().toNanos())));
        family(out, "payengine_worker_backlog", "gauge", "Due items the worker's last run left for the next one.");
        runs.forEach((worker, run) -> sample(out, "payengine_worker_backlog", labels("worker", worker), run.backlog()));
        family(out, "payengine_worker_runs_total", "counter", "Runs the worker finished.");
        runs.forEach((worker, run) -> sample(out, "payengine_worker_runs_total", labels("worker", worker), run.runs()));
    }

    private void writeReconciliation(StringBuilder out) {
        Reconciliations store = reconciliations;
        if (store == null) {
            return;
        }
        Reconciliations.Figures figures;
        try {
            figures = store.figures();
        } catch (RuntimeException unavailable) {
            log.warn("Reconciliation figures unavailable for this scrape: {}", unavailable.toString());
            return;
        }
        family(out, "payengine_reconciliation_runs_total", "counter",
                "Report files checked against the engine's records (a file imported again counts once).");
        sample(out, "payengine_reconciliation_runs_total", "", figures.runs());
        family(out, "payengine_reconciliation_discrepancies_open", "gauge",
                "Discrepancies between Antom's reports and the engine's records waiting for a person, by type.");
        for (DiscrepancyType type : DiscrepancyType.values()) {
            sample(out, "payengine_reconciliation_discrepancies_open", labels("type", type.name()),
                    figures.openByType().getOrDefault(type, 0L));
        }
    }

    private void writeEngineStatistics(StringBuilder out) {
        if (statistics == null) {
            return;
        }
        Map<AttemptStatus, Long> attempts;
        long unmatched;
        long undelivered;
        long deadLettered;
        try {
            attempts = statistics.attemptsByStatus();
            unmatched = statistics.unmatchedNotifications();
            undelivered = statistics.undeliveredEvents();
            deadLettered = statistics.deadLetteredEvents();
        } catch (RuntimeException unavailable) {
            log.warn("Engine statistics unavailable for this scrape: {}", unavailable.toString());
            family(out, "payengine_engine_statistics_up", "gauge", "Whether the store answered for this scrape.");
            sample(out, "payengine_engine_statistics_up", "", 0);
            return;
        }
        family(out, "payengine_engine_statistics_up", "gauge", "Whether the store answered for this scrape.");
        sample(out, "payengine_engine_statistics_up", "", 1);
        family(out, "payengine_payment_attempts", "gauge", "Payment attempts by status.");
        for (AttemptStatus status : AttemptStatus.values()) {
            sample(out, "payengine_payment_attempts", labels("status", status.name()),
                    Objects.requireNonNullElse(attempts.get(status), 0L));
        }
        family(out, "payengine_notifications_unmatched", "gauge",
                "Verified notifications stored, waiting for the payment they are about.");
        sample(out, "payengine_notifications_unmatched", "", unmatched);
        family(out, "payengine_outbox_backlog", "gauge", "Domain events stored and not delivered yet.");
        sample(out, "payengine_outbox_backlog", "", undelivered);
        family(out, "payengine_outbox_dead_letters", "gauge",
                "Domain events set aside after too many failed deliveries, never delivered: each needs a person.");
        sample(out, "payengine_outbox_dead_letters", "", deadLettered);
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
    }

    /** {@code a="1",b="2"} from name/value pairs, values escaped as the format requires. */
    private static String labels(String... pairs) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return labels.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    private record WorkerRun(Duration lag, int backlog, long runs) {
    }

    /** A cumulative histogram of latencies. */
    private static final class Latencies {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        Latencies() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long nanos) {
            double seconds = seconds(nanos);
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        void write(StringBuilder out, String labels) {
            String name = "payengine_http_request_duration_seconds";
            for (int i = 0; i < BUCKETS.length; i++) {
                sample(out, name + "_bucket", labels + ",le=\"" + BUCKETS[i] + "\"", buckets[i].sum());
            }
            long total = count.sum();
            sample(out, name + "_bucket", labels + ",le=\"+Inf\"", total);
            sample(out, name + "_sum", labels, seconds(sumNanos.sum()));
            sample(out, name + "_count", labels, total);
        }
    }
}
