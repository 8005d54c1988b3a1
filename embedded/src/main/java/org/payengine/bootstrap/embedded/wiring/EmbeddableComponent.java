package org.payengine.bootstrap.embedded.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.usecase.CallBudget;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.usecase.UseCases;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.embedded.EngineStores;

/**
 * The engine without a server, for Java applications: every port comes from the host (usually through
 * {@link org.payengine.bootstrap.embedded.PayEngine.Builder}, which supplies the JDBC and Antom adapters unless told
 * otherwise), and the component gives the use cases and the background workers, built from the same use cases
 * the standalone engine's are.
 */
@Singleton
@Component(modules = {StoresModule.class, EmbeddedWorkersModule.class, PacingModule.class})
public interface EmbeddableComponent extends UseCases {

    /** The follow-ups, capture guard, duplicate remediation and outbox delivery, on the host's clock and event sink. */
    BackgroundWorkers workers();

    /** The node's one budget of calls to Antom, shared by the use cases and the workers. */
    CallBudget callBudget();

    @Component.Builder
    interface Builder {

        @BindsInstance
        Builder stores(EngineStores stores);

        @BindsInstance
        Builder paymentGateway(PaymentGateway gateway);

        @BindsInstance
        Builder notificationDecoder(NotificationDecoder decoder);

        @BindsInstance
        Builder eventSink(EventSink sink);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder ids(IdGenerator ids);

        @BindsInstance
        Builder workers(WorkerSettings settings);

        /** The host's registry: the workers' progress goes there. */
        @BindsInstance
        Builder meterRegistry(MeterRegistry registry);

        EmbeddableComponent build();
    }
}
