package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.payengine.application.port.Clock;
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
    private final Clock clock;

    /** Without a call budget: every call is sent at once (tests, a gateway that is not Antom). */
    public ListPaymentMethods(PaymentGateway gateway) {
        this(gateway, CallBudget.unlimited(Instant::now), Instant::now);
    }

    @Inject
    public ListPaymentMethods(PaymentGateway gateway, CallBudget budget, Clock clock) {
        this.gateway = gateway;
        this.budget = budget;
        this.clock = clock;
    }

    /** @return Antom's options, or {@code ANTOM_REFUSED} / {@code ANTOM_UNAVAILABLE} */
    public Result<List<PaymentMethodOption>> list(ConsultRequest request) {
        if (!budget.admitMerchantCall(AntomApi.CONSULT)) {
            return Result.refused(new AntomBusy(AntomApi.CONSULT,
                    Math.max(1, Duration.between(clock.now(), budget.retryAt()).toSeconds())));
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
