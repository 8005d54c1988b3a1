package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.AntomRefused;
import org.payengine.application.usecase.UseCaseRejection.AntomUnavailable;
import org.payengine.domain.Result;

/** Asks Antom which payment methods (card brands) it offers for a currency and terminal. Reads nothing, writes nothing. */
public final class ListPaymentMethods {

    private final PaymentGateway gateway;
    private final CallBudget budget;

    @Inject
    public ListPaymentMethods(PaymentGateway gateway, CallBudget budget) {
        this.gateway = gateway;
        this.budget = budget;
    }

    /** @return Antom's options, or {@code ANTOM_REFUSED} / {@code ANTOM_UNAVAILABLE} */
    public Result<List<PaymentMethodOption>> list(ConsultRequest request) {
        if (!budget.admitMerchantCall(AntomApi.CONSULT)) {
            return Result.refused(budget.busy(AntomApi.CONSULT));
        }
        GatewayOutcome<List<PaymentMethodOption>> answer = Gateway.call(budget, () -> gateway.consult(request));
        if (answer instanceof GatewayOutcome.Completed<List<PaymentMethodOption>> completed) {
            return Result.accepted(completed.value());
        }
        if (answer instanceof GatewayOutcome.Refused<List<PaymentMethodOption>> refused) {
            return Result.refused(new AntomRefused("list payment methods", refused.code(), refused.message()));
        }
        return Result.refused(new AntomUnavailable("list payment methods",
                ((GatewayOutcome.Unknown<List<PaymentMethodOption>>) answer).reason()));
    }
}
