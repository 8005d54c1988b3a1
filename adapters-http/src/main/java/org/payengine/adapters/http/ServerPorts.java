package org.payengine.adapters.http;

import java.util.Objects;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.usecase.ExecuteOnce;

/**
 * What the HTTP edge reads besides the {@link org.payengine.application.usecase.UseCases}: the merchant API's
 * idempotency keys, the checks behind {@code /health}, and the few read-only ports the demo pages consult.
 *
 * @param executeOnce   executes a {@code POST} sent with an {@code Idempotency-Key} once, and answers its retries
 * @param storeHealth   the database check behind {@code GET /health}
 * @param gatewayHealth the payment gateway's configuration alarms, also reported by {@code GET /health}
 * @param auditLog      read by the demo's orders page
 * @param cardTokens    read by the demo's shop page, to offer the buyer's saved card
 * @param clock         when notifications are received
 */
public record ServerPorts(ExecuteOnce executeOnce, StoreHealth storeHealth, GatewayHealth gatewayHealth,
                          AuditLog auditLog, CardTokens cardTokens, Clock clock) {

    public ServerPorts {
        Objects.requireNonNull(executeOnce, "executeOnce");
        Objects.requireNonNull(storeHealth, "storeHealth");
        Objects.requireNonNull(gatewayHealth, "gatewayHealth");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(cardTokens, "cardTokens");
        Objects.requireNonNull(clock, "clock");
    }
}
