package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.Capture;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentJson;
import org.payengine.simulator.wire.Money;
import org.payengine.simulator.wire.RequestFields;

/** {@code capture}: full capture of a manual-capture authorization, once, within 7 days. */
final class CaptureApi implements AntomApi {

    private final Acquirer acquirer;

    CaptureApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        RequestFields f = call.fields();
        String captureRequestId = f.requiredText("captureRequestId", 64);
        String paymentId = f.requiredText("paymentId", 64);
        Money amount = f.requiredAmount("captureAmount");
        f.optionalBoolean("isLastCapture");
        Capture capture = acquirer.capture(call.clientId(), captureRequestId, paymentId, amount, call.canonical());
        Payment payment = acquirer.paymentOf(capture);
        synchronized (payment) {
            return PaymentJson.captureResponse(payment, capture);
        }
    }
}
