package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.List;
import org.payengine.adapters.antom.AntomNotificationDecoder;
import org.payengine.adapters.antom.AntomPaymentGateway;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.PaymentGateway;
import org.payengine.bootstrap.config.Setting;

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

    /**
     * Antom's refusals of this engine's client id or key, for {@code /health}, naming the settings to check by the
     * engine's configuration names (the adapter names them by its builder's methods).
     */
    @Provides
    static GatewayHealth gatewayHealth(AntomPaymentGateway gateway) {
        return () -> gateway.health().alarms().stream()
                .map(alarm -> new GatewayHealth.Alarm(alarm.operation(), alarm.code(), alarm.meaning(),
                        alarm.settings().stream().flatMap(option -> settingsOf(option).stream()).toList(), alarm.since()))
                .toList();
    }

    /** The configuration settings behind one {@link AntomSettings.Builder} option. */
    private static List<String> settingsOf(String builderOption) {
        return switch (builderOption) {
            case "clientId" -> List.of(Setting.ANTOM_CLIENT_ID.variable());
            case "merchantPrivateKey" -> List.of(Setting.ANTOM_MERCHANT_PRIVATE_KEY.variable(),
                    Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE.variable());
            case "endpoint" -> List.of(Setting.ANTOM_ENDPOINT.variable());
            case "sandbox" -> List.of(Setting.ANTOM_SANDBOX.variable());
            default -> List.of(builderOption);
        };
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
