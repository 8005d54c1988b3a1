package org.payengine.simulator.api;

import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.RequestFields;

/** Reads "{@code paymentId} and/or {@code paymentRequestId}, at least one; {@code paymentId} wins". */
final class PaymentReference {

    private PaymentReference() {
    }

    static Payment read(RequestFields f, String clientId, Acquirer acquirer) {
        String paymentId = f.optionalText("paymentId", 64).orElse(null);
        String paymentRequestId = f.optionalText("paymentRequestId", 64).orElse(null);
        f.optionalText("merchantAccountId", 32);
        if (paymentId == null && paymentRequestId == null) {
            throw ApiFailure.paramIllegal("paymentId or paymentRequestId is required");
        }
        return acquirer.requirePayment(clientId, paymentId, paymentRequestId);
    }
}
