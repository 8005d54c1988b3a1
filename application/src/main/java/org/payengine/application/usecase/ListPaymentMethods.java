package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.payengine.application.port.Clock;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;

/**
 * Asks Antom which payment methods (card brands) it offers for a currency and terminal. Reads nothing, writes
 * nothing: the call is only admitted and sent.
 */
public final class ListPaymentMethods {

    private final PaymentGateway gateway;
    private final GatewayOperation operation;

    @Inject
    public ListPaymentMethods(PaymentGateway gateway, CallBudget budget, Clock clock) {
        this.gateway = gateway;
        this.operation = GatewayOperation.withoutStores(clock, budget);
    }

    /** @return Antom's options, or {@code ANTOM_REFUSED} / {@code ANTOM_UNAVAILABLE} */
    public Result<List<PaymentMethodOption>> list(ConsultRequest request) {
        return operation.call(AntomApi.CONSULT, AuditSource.MERCHANT, request)
                .send(gateway::consult)
                .answer("list payment methods");
    }
}
