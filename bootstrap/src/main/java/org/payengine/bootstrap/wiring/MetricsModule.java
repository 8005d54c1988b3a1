package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.payengine.adapters.http.HttpMetrics;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.WorkerProgress;
import org.payengine.bootstrap.embedded.metrics.StoreFigures;
import org.payengine.bootstrap.embedded.metrics.WorkerMeters;

/**
 * Every figure of the standalone engine in one Prometheus registry: the HTTP edge's, the workers', the store's and
 * reconciliation's (the pool's and the JVM's are bound where the pool and the process start); {@code /metrics}
 * reads the store afresh, then exposes the whole registry.
 */
@Module
public interface MetricsModule {

    @Binds
    MeterRegistry meterRegistry(PrometheusMeterRegistry registry);

    @Provides
    @Singleton
    static WorkerProgress workerProgress(MeterRegistry registry) {
        return new WorkerMeters(registry);
    }

    @Provides
    @Singleton
    static StoreFigures storeFigures(MeterRegistry registry, EngineStatistics statistics,
                                     Reconciliations reconciliations, Clock clock) {
        return StoreFigures.register(registry, statistics, Optional.of(reconciliations), clock);
    }

    @Provides
    @Singleton
    static HttpMetrics httpMetrics(PrometheusMeterRegistry registry, StoreFigures storeFigures) {
        return new HttpMetrics(registry, () -> {
            storeFigures.refresh();
            return registry.scrape();
        });
    }
}
