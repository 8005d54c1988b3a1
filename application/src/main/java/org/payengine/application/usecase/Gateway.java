package org.payengine.application.usecase;

import java.util.function.Supplier;
import org.payengine.application.port.GatewayOutcome;

/** Calls the payment gateway so that a bug in an adapter can never turn into a failed payment: anything thrown is unknown. */
final class Gateway {

    private Gateway() {
    }

    static <T> GatewayOutcome<T> call(Supplier<GatewayOutcome<T>> call) {
        try {
            GatewayOutcome<T> outcome = call.get();
            return outcome != null ? outcome : GatewayOutcome.unknown("the gateway answered nothing", true);
        } catch (RuntimeException bug) {
            return GatewayOutcome.unknown("the gateway threw " + bug.getClass().getSimpleName() + ": " + bug.getMessage(),
                    false);
        }
    }
}
