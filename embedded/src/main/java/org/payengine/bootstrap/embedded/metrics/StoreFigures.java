package org.payengine.bootstrap.embedded.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.Reconciliations;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of the engine's stored work as gauges: payment attempts by status, unmatched notifications, the
 * outbox's backlog and dead letters, whether the store answered ({@code payengine_engine_statistics_up}), and — when
 * the engine reconciles — the reconciliation runs and the open discrepancies by type.
 *
 * <p>The store is read once for all of them, not once per gauge: a scrape reads a snapshot, taken afresh when
 * {@link #refresh()} is called (the standalone {@code /metrics} does before each scrape) or when the last one is
 * older than {@link #MAX_AGE} on the engine's clock (a registry the host scrapes or pushes by itself). While the store
 * does not answer, {@code payengine_engine_statistics_up} is 0 and the store's figures are NaN: unknown, not zero.
 */
public final class StoreFigures {

    /** How long a snapshot serves gauges read without a {@link #refresh()}. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(StoreFigures.class);

    private final EngineStatistics statistics;
    private final Optional<Reconciliations> reconciliations;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private StoreFigures(EngineStatistics statistics, Optional<Reconciliations> reconciliations, Clock clock) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.reconciliations = Objects.requireNonNull(reconciliations, "reconciliations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers the gauges of the store's figures (and of reconciliation's, when given) in the registry. */
    public static StoreFigures register(MeterRegistry registry, EngineStatistics statistics,
                                        Optional<Reconciliations> reconciliations, Clock clock) {
        StoreFigures figures = new StoreFigures(statistics, reconciliations, clock);
        Gauge.builder("payengine.engine.statistics.up", figures, f -> f.current().store() == null ? 0 : 1)
                .description("Whether the store answered for this scrape.")
                .strongReference(true)
                .register(registry);
        for (AttemptStatus status : AttemptStatus.values()) {
            figures.storeGauge(registry, "payengine.payment.attempts", "Payment attempts by status.",
                    Tags.of("status", status.name()), store -> store.attempts().getOrDefault(status, 0L));
        }
        figures.storeGauge(registry, "payengine.notifications.unmatched",
                "Verified notifications stored, waiting for the payment they are about.", Tags.empty(),
                Store::unmatched);
        figures.storeGauge(registry, "payengine.outbox.backlog", "Domain events stored and not delivered yet.",
                Tags.empty(), Store::undelivered);
        figures.storeGauge(registry, "payengine.outbox.dead.letters",
                "Domain events set aside after too many failed deliveries, never delivered: each needs a person.",
                Tags.empty(), Store::deadLettered);
        if (reconciliations.isPresent()) {
            FunctionCounter.builder("payengine.reconciliation.runs", figures,
                            f -> f.reconciliationFigure(Reconciliations.Figures::runs))
                    .description("Report files checked against the engine's records (a file imported again counts once).")
                    .register(registry);
            for (DiscrepancyType type : DiscrepancyType.values()) {
                Gauge.builder("payengine.reconciliation.discrepancies.open", figures,
                                f -> f.reconciliationFigure(recon -> recon.openByType().getOrDefault(type, 0L)))
                        .description("Discrepancies between Antom's reports and the engine's records waiting for a "
                                + "person, by type.")
                        .tag("type", type.name())
                        .strongReference(true)
                        .register(registry);
            }
        }
        return figures;
    }

    /** Reads the store now, for the gauges read next. */
    public void refresh() {
        snapshot = new Snapshot(clock.now(), readStore(), readReconciliation());
    }

    private void storeGauge(MeterRegistry registry, String name, String description, Tags tags,
                            ToDoubleFunction<Store> figure) {
        Gauge.builder(name, this, figures -> {
                    Store store = figures.current().store();
                    return store == null ? Double.NaN : figure.applyAsDouble(store);
                })
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private double reconciliationFigure(ToDoubleFunction<Reconciliations.Figures> figure) {
        Reconciliations.Figures reconciliation = current().reconciliation();
        return reconciliation == null ? Double.NaN : figure.applyAsDouble(reconciliation);
    }

    private Snapshot current() {
        Snapshot taken = snapshot;
        if (taken == null || Duration.between(taken.takenAt(), clock.now()).compareTo(MAX_AGE) > 0) {
            refresh();
            taken = snapshot;
        }
        return taken;
    }

    private Store readStore() {
        try {
            return new Store(statistics.attemptsByStatus(), statistics.unmatchedNotifications(),
                    statistics.undeliveredEvents(), statistics.deadLetteredEvents());
        } catch (RuntimeException unavailable) {
            log.warn("Engine statistics unavailable for this scrape: {}", unavailable.toString());
            return null;
        }
    }

    private Reconciliations.Figures readReconciliation() {
        if (reconciliations.isEmpty()) {
            return null;
        }
        try {
            return reconciliations.get().figures();
        } catch (RuntimeException unavailable) {
            log.warn("Reconciliation figures unavailable for this scrape: {}", unavailable.toString());
            return null;
        }
    }

    /** What the store answered at one moment; a part is {@code null} when it did not answer. */
    private record Snapshot(Instant takenAt, Store store, Reconciliations.Figures reconciliation) {
    }

    private record Store(Map<AttemptStatus, Long> attempts, long unmatched, long undelivered, long deadLettered) {
    }
}
