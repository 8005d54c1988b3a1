package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import java.util.Optional;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.WorkerProgress;

/**
 * What the background workers need in the embedded engine beyond its other ports: the store's due work (which the
 * application's own stores may lack while the workers are off) and a place to report progress (none: the embedded
 * engine has no {@code /metrics}).
 */
@Module
public interface EmbeddedWorkersModule {

    /** Asked for only when the workers are built, which the builder allows only with a due-work store. */
    @Provides
    static DueWork dueWork(Optional<DueWork> dueWork) {
        return dueWork.orElseThrow(() -> new IllegalStateException(
                "the background workers need the stores' DueWork; none was given"));
    }

    @Provides
    static WorkerProgress workerProgress() {
        return WorkerProgress.NOT_REPORTED;
    }
}
