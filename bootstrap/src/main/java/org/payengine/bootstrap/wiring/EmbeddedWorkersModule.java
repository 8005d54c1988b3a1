package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import org.payengine.application.port.WorkerProgress;

/**
 * What the background workers need in the embedded engine beyond its stores: a place to report progress (none: the
 * embedded engine has no {@code /metrics}).
 */
@Module
public interface EmbeddedWorkersModule {

    @Provides
    static WorkerProgress workerProgress() {
        return WorkerProgress.NOT_REPORTED;
    }
}
