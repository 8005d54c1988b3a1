package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.payengine.adapters.http.HttpMetrics;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.http.ReconciliationUseCases;
import org.payengine.adapters.http.ServerPorts;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.UseCases;

/**
 * The merchant API, Antom's notification endpoint, {@code /health}, {@code /metrics} and the demo pages on
 * Undertow, over the standalone component's own use cases.
 */
@Module
public interface HttpModule {

    @Binds
    UseCases useCases(StandaloneComponent component);

    @Provides
    static ServerPorts serverPorts(ExecuteOnce executeOnce, StoreHealth storeHealth, GatewayHealth gatewayHealth,
                                   AuditLog auditLog, CardTokens cardTokens, Clock clock) {
        return new ServerPorts(executeOnce, storeHealth, gatewayHealth, auditLog, cardTokens, clock);
    }

    @Provides
    @Singleton
    static PayEngineHttpServer httpServer(HttpSettings settings, UseCases useCases, ServerPorts ports,
                                          ReconciliationUseCases reconciliation, HttpMetrics metrics) {
        return new PayEngineHttpServer(settings, useCases, ports, Optional.of(reconciliation), metrics);
    }
}
