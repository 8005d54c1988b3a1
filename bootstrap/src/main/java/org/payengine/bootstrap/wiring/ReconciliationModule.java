package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.payengine.adapters.antom.reports.AntomReportDecoder;
import org.payengine.adapters.antom.reports.DirectoryReportSource;
import org.payengine.adapters.antom.reports.SftpReportSource;
import org.payengine.adapters.http.ReconciliationUseCases;
import org.payengine.adapters.persistence.Database;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportDecoder;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ScheduledJobs;
import org.payengine.application.port.SucceededTransactions;
import org.payengine.application.usecase.FetchReports;
import org.payengine.application.usecase.GetReconciliationRun;
import org.payengine.application.usecase.ListDiscrepancies;
import org.payengine.application.usecase.ListReconciliationRuns;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.application.usecase.ReconciliationSettings;
import org.payengine.application.worker.DailyReconciliation;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.config.ReconciliationConfiguration;

/** Reconciliation of the engine's records with Antom's reports: the reports' decoder, its store, its settings. */
@Module
public interface ReconciliationModule {

    @Provides
    static ReportDecoder reportDecoder() {
        return new AntomReportDecoder();
    }

    @Provides
    static Reconciliations reconciliations(Database database) {
        return database.reconciliations();
    }

    @Provides
    static SucceededTransactions succeededTransactions(Database database) {
        return database.succeededTransactions();
    }

    @Provides
    static ScheduledJobs scheduledJobs(Database database) {
        return database.scheduledJobs();
    }

    /** The sources the daily run fetches from: the configured directory and SFTP server, each if set. */
    @Provides
    static List<ReportSource> reportSources(ReconciliationConfiguration configuration) {
        List<ReportSource> sources = new ArrayList<>();
        configuration.directory().ifPresent(directory -> sources.add(new DirectoryReportSource(directory)));
        configuration.sftp().ifPresent(server -> sources.add(new SftpReportSource(server)));
        return sources;
    }

    @Provides
    static DailyReconciliation dailyReconciliation(ScheduledJobs jobs, FetchReports fetchReports,
                                                   List<ReportSource> sources, ReconciliationConfiguration configuration,
                                                   WorkerSettings workers) {
        return new DailyReconciliation(jobs, fetchReports, sources, configuration.fetchAt(), workers.nodeId());
    }

    @Provides
    static ReconciliationSettings reconciliationSettings(ReconciliationConfiguration configuration) {
        return configuration.settings();
    }

    @Provides
    @Singleton
    static ReconciliationUseCases reconciliationUseCases(ReconcileReport reconcileReport, GetReconciliationRun getRun,
                                                         ListDiscrepancies listDiscrepancies,
                                                         ListReconciliationRuns listRuns,
                                                         ReconciliationConfiguration configuration) {
        return new ReconciliationUseCases(reconcileReport, getRun, listDiscrepancies, listRuns,
                configuration.maxReportBytes());
    }
}
