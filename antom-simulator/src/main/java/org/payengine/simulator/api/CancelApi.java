package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentJson;

/** {@code cancel}: closes an unpaid payment or voids an uncaptured authorization; no notification. */
final class CancelApi implements AntomApi {

    private final Acquirer acquirer;

    CancelApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        Payment found = PaymentReference.read(call.fields(), call.clientId(), acquirer);
        Payment cancelled = acquirer.cancel(call.clientId(), found.paymentId(), null);
        synchronized (cancelled) {
            return PaymentJson.cancelResponse(cancelled);
        }
    }
}
