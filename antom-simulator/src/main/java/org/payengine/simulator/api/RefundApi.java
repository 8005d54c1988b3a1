package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.PaymentJson;
import org.payengine.simulator.payments.Refund;
import org.payengine.simulator.wire.Money;
import org.payengine.simulator.wire.RequestFields;

/** {@code refund}: partial or full, several allowed, never more than captured. */
final class RefundApi implements AntomApi {

    private final Acquirer acquirer;

    RefundApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        RequestFields f = call.fields();
        String refundRequestId = f.requiredText("refundRequestId", 64);
        String paymentId = f.requiredText("paymentId", 64);
        Money amount = f.requiredAmount("refundAmount");
        f.optionalText("referenceRefundId", 64);
        f.optionalText("refundReason", 256);
        String notifyUrl = f.optionalUrl("refundNotifyUrl", 1024).orElse(null);
        boolean asynchronous = f.optionalBoolean("isAsyncRefund").orElse(false);
        Refund refund = acquirer.refund(call.clientId(), refundRequestId, paymentId, amount, call.canonical(),
                notifyUrl, asynchronous);
        synchronized (refund.payment()) {
            return PaymentJson.refundResponse(refund);
        }
    }
}
