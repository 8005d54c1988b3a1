package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentJson;
import org.payengine.simulator.wire.RequestFields;

/** {@code inquiryPayment}: the payment's status, card facts and transactions. */
final class InquiryPaymentApi implements AntomApi {

    private final Acquirer acquirer;

    InquiryPaymentApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        Payment payment = PaymentReference.read(call.fields(), call.clientId(), acquirer);
        synchronized (payment) {
            return PaymentJson.inquiryResponse(payment);
        }
    }
}
