package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.payengine.adapters.antom.AntomNotificationDecoder;
import org.payengine.adapters.antom.AntomPaymentGateway;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.PaymentGateway;

/**
 * Antom through its official SDK's models and signatures: the payment gateway, its health (Antom's refusals of the
 * engine's configuration) and the notification decoder.
 */
@Module
public interface AntomModule {

    /** The SDK gateway (wrapped only when a test arms a {@link CrashPoints crash point}). */
    @Provides
    static PaymentGateway paymentGateway(AntomPaymentGateway gateway) {
        return CrashPoints.wrap(gateway);
    }

    @Binds
    NotificationDecoder notificationDecoder(AntomNotificationDecoder decoder);

    /** Antom's refusals of this engine's client id or key, for {@code /health}. */
    @Provides
    static GatewayHealth gatewayHealth(AntomPaymentGateway gateway) {
        return gateway.health();
    }

    @Provides
    @Singleton
    static AntomPaymentGateway antomPaymentGateway(AntomSettings settings) {
        return AntomPaymentGateway.create(settings);
    }

    @Provides
    @Singleton
    static AntomNotificationDecoder antomNotificationDecoder(AntomSettings settings) {
        return AntomNotificationDecoder.create(settings);
    }
}
