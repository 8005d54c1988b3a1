package org.payengine.application.usecase;

import java.util.function.Supplier;
import org.payengine.application.port.GatewayOutcome;

/** Calls the payment gateway so that a bug in an adapter can never turn into a failed payment: anything thrown is unknown. */
final class Gateway {

    private Gateway() {
    }

    /** Makes the call; an answer asking this engine to slow down pauses the node's {@link CallBudget}. */
    static <T> GatewayOutcome<T> call(CallBudget budget, Supplier<GatewayOutcome<T>> call) {
        GatewayOutcome<T> outcome = call(call);
        if (outcome instanceof GatewayOutcome.Unknown<T> unknown && unknown.rateLimited()) {
            budget.slowDown();
        }
        return outcome;
    }

    private static <T> GatewayOutcome<T> call(Supplier<GatewayOutcome<T>> call) {
        try {
            GatewayOutcome<T> outcome = call.get();
            return outcome != null ? outcome : GatewayOutcome.unknown("the gateway answered nothing", true);
        } catch (RuntimeException bug) {
            return GatewayOutcome.unknown("the gateway threw " + bug.getClass().getSimpleName() + ": " + bug.getMessage(),
                    false);
        }
    }
}
