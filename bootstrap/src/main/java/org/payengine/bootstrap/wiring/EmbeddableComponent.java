package org.payengine.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.PaymentGateway;
import org.payengine.bootstrap.EngineStores;

/**
 * The engine without a server, for Java applications: every port comes from the host (usually through
 * {@link org.payengine.bootstrap.PayEngine.Builder}, which supplies the JDBC and Antom adapters unless told
 * otherwise), and the component gives the use cases.
 */
@Singleton
@Component(modules = StoresModule.class)
public interface EmbeddableComponent extends UseCases {

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

        EmbeddableComponent build();
    }
}
