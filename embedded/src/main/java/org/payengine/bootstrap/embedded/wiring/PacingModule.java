package org.payengine.bootstrap.embedded.wiring;

import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.payengine.application.port.Clock;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.embedded.metrics.AntomCallFigures;

/** How the node paces its calls to Antom (one budget, counted) and answers a buyer's return. */
@Module
public interface PacingModule {

    @Provides
    static AntomPacing pacing(WorkerSettings settings) {
        return settings.pacing();
    }

    @Provides
    static BuyerLooks buyerLooks(WorkerSettings settings) {
        return settings.followUps().buyer();
    }

    /** The node's one budget of calls to Antom, its figures in the engine's registry. */
    @Provides
    @Singleton
    static CallBudget callBudget(AntomPacing pacing, Clock clock, MeterRegistry registry) {
        CallBudget budget = new CallBudget(pacing, clock);
        AntomCallFigures.register(registry, budget);
        return budget;
    }
}
