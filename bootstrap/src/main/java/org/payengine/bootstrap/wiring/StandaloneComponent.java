package org.payengine.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.Clock;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.usecase.FetchReports;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.application.usecase.UseCases;
import org.payengine.application.worker.DailyReconciliation;
import org.payengine.bootstrap.config.ReconciliationConfiguration;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.embedded.wiring.PacingModule;

/**
 * The standalone engine: the HTTP server, the background workers, the stores on JDBC, Antom through its SDK, the real clock. Configuration
 * enters as instances ({@link HttpSettings}, {@link DatabaseSettings}, {@link AntomSettings}); nothing connects
 * until used.
 */
@Singleton
@Component(modules = {JdbcStoresModule.class, AntomModule.class, HttpModule.class, SystemModule.class,
        PacingModule.class, ReconciliationModule.class, MetricsModule.class})
public interface StandaloneComponent extends UseCases {

    Database database();

    PayEngineHttpServer httpServer();

    /** Checks one of Antom's report files against the engine's records ({@code reconcile}, the daily run). */
    ReconcileReport reconcileReport();

    /** Takes the new report files of a source ({@code reconcile --sftp}). */
    FetchReports fetchReports();

    /** The configured sources of report files: the directory and Antom's SFTP server, each if set. */
    java.util.List<org.payengine.application.port.ReportSource> reportSources();

    /** The daily fetch and check of Antom's reports, leased so one node does it. */
    DailyReconciliation dailyReconciliation();

    /** Where the workers report their progress ({@code /metrics}). */
    WorkerProgress workerProgress();

    /** Every figure of this node. */
    PrometheusMeterRegistry metrics();

    Clock clock();

    /** The follow-ups, capture guard, duplicate remediation and outbox delivery of this node. */
    BackgroundWorkers workers();

    @Component.Builder
    interface Builder {

        @BindsInstance
        Builder database(DatabaseSettings settings);

        @BindsInstance
        Builder antom(AntomSettings settings);

        @BindsInstance
        Builder http(HttpSettings settings);

        @BindsInstance
        Builder workers(WorkerSettings settings);

        @BindsInstance
        Builder eventSink(EventSink sink);

        /** Where every figure goes; {@code /metrics} exposes it. */
        @BindsInstance
        Builder metrics(PrometheusMeterRegistry registry);

        @BindsInstance
        Builder reconciliation(ReconciliationConfiguration configuration);

        /** The engine's time: the system clock, or a test's. */
        @BindsInstance
        Builder clock(Clock clock);

        StandaloneComponent build();
    }
}
