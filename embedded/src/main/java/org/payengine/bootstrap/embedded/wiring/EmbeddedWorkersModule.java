package org.payengine.bootstrap.embedded.wiring;

import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.payengine.application.port.WorkerProgress;
import org.payengine.bootstrap.embedded.metrics.WorkerMeters;

/** What the background workers need in the embedded engine beyond its stores: the host's registry for their progress. */
@Module
public interface EmbeddedWorkersModule {

    @Provides
    @Singleton
    static WorkerProgress workerProgress(MeterRegistry registry) {
        return new WorkerMeters(registry);
    }
}
