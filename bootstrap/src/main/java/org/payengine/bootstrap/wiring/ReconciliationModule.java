package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.payengine.adapters.antom.reports.AntomReportDecoder;
import org.payengine.adapters.http.ReconciliationUseCases;
import org.payengine.adapters.persistence.Database;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportDecoder;
import org.payengine.application.port.SucceededTransactions;
import org.payengine.application.usecase.GetReconciliationRun;
import org.payengine.application.usecase.ListDiscrepancies;
import org.payengine.application.usecase.ListReconciliationRuns;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.application.usecase.ReconciliationSettings;
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
    static ReconciliationSettings reconciliationSettings(ReconciliationConfiguration configuration) {
        return configuration.settings();
    }

    @Provides
    @Singleton
    static ReconciliationUseCases reconciliationUseCases(ReconcileReport reconcileReport, GetReconciliationRun getRun,
                                                         ListDiscrepancies listDiscrepancies,
                                                         ListReconciliationRuns listRuns, Reconciliations store,
                                                         ReconciliationConfiguration configuration) {
        return new ReconciliationUseCases(reconcileReport, getRun, listDiscrepancies, listRuns, store,
                configuration.maxReportBytes());
    }
}
