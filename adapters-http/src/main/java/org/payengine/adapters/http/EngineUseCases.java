package org.payengine.adapters.http;

import jakarta.inject.Inject;
import java.util.Objects;
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
 * Everything of the application the HTTP edge drives: the use cases behind the merchant API and Antom's
 * notification endpoint, and the few read-only ports the health check and the demo pages consult. A
 * composition root builds it once (Dagger can, through the {@code @Inject} constructor) and hands it to
 * {@link PayEngineHttpServer}.
 *
 * @param listOrders    the merchant API's order listing, and the demo's orders page
 * @param listPayments  the merchant API's payment listing
 * @param executeOnce   executes a {@code POST} sent with an {@code Idempotency-Key} once, and answers its retries
 * @param storeHealth   the database check behind {@code GET /health}
 * @param gatewayHealth the payment gateway's configuration alarms, also reported by {@code GET /health}
 * @param auditLog    read by the demo's orders page
 * @param cardTokens  read by the demo's shop page, to offer the buyer's saved card
 * @param clock       when notifications are received
 */
public record EngineUseCases(CreateOrGetOrder createOrGetOrder, StartPayment startPayment, GetOrder getOrder,
                             ListOrders listOrders, GetPayment getPayment, ListPayments listPayments,
                             SyncPayment syncPayment,
                             CapturePayment capturePayment, CancelPayment cancelPayment,
                             RefundPayment refundPayment, GetRefund getRefund,
                             ListPaymentMethods listPaymentMethods,
                             HandleNotification handleNotification, ExecuteOnce executeOnce,
                             StoreHealth storeHealth, GatewayHealth gatewayHealth, AuditLog auditLog,
                             CardTokens cardTokens, Clock clock) {

    @Inject
    public EngineUseCases {
        Objects.requireNonNull(createOrGetOrder, "createOrGetOrder");
        Objects.requireNonNull(startPayment, "startPayment");
        Objects.requireNonNull(getOrder, "getOrder");
        Objects.requireNonNull(listOrders, "listOrders");
        Objects.requireNonNull(getPayment, "getPayment");
        Objects.requireNonNull(listPayments, "listPayments");
        Objects.requireNonNull(syncPayment, "syncPayment");
        Objects.requireNonNull(capturePayment, "capturePayment");
        Objects.requireNonNull(cancelPayment, "cancelPayment");
        Objects.requireNonNull(refundPayment, "refundPayment");
        Objects.requireNonNull(getRefund, "getRefund");
        Objects.requireNonNull(listPaymentMethods, "listPaymentMethods");
        Objects.requireNonNull(handleNotification, "handleNotification");
        Objects.requireNonNull(executeOnce, "executeOnce");
        Objects.requireNonNull(storeHealth, "storeHealth");
        Objects.requireNonNull(gatewayHealth, "gatewayHealth");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(cardTokens, "cardTokens");
        Objects.requireNonNull(clock, "clock");
    }
}
