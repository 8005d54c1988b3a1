package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.payengine.adapters.http.HttpMetrics;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.EngineUseCases;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.http.ReconciliationUseCases;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.GetRefund;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.ListPayments;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;

/**
 * The merchant API, Antom's notification endpoint, {@code /health}, {@code /metrics} and the demo pages on
 * Undertow.
 */
@Module
public interface HttpModule {

    @Provides
    @Singleton
    static EngineUseCases engineUseCases(CreateOrGetOrder createOrGetOrder, StartPayment startPayment,
                                         GetOrder getOrder, ListOrders listOrders, GetPayment getPayment,
                                         ListPayments listPayments,
                                         SyncPayment syncPayment, CapturePayment capturePayment,
                                         CancelPayment cancelPayment, RefundPayment refundPayment,
                                         GetRefund getRefund,
                                         ListPaymentMethods listPaymentMethods, HandleNotification handleNotification,
                                         ExecuteOnce executeOnce, StoreHealth storeHealth,
                                         GatewayHealth gatewayHealth, AuditLog auditLog, CardTokens cardTokens,
                                         Clock clock) {
        return new EngineUseCases(createOrGetOrder, startPayment, getOrder, listOrders, getPayment, listPayments,
                syncPayment, capturePayment, cancelPayment, refundPayment, getRefund, listPaymentMethods,
                handleNotification, executeOnce,
                storeHealth, gatewayHealth, auditLog,
                cardTokens, clock);
    }

    @Provides
    @Singleton
    static PayEngineHttpServer httpServer(HttpSettings settings, EngineUseCases useCases,
                                          ReconciliationUseCases reconciliation, HttpMetrics metrics) {
        return new PayEngineHttpServer(settings, useCases, Optional.of(reconciliation), metrics);
    }
}
