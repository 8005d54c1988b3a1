package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.PaymentJson;
import org.payengine.simulator.payments.Refund;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.RequestFields;

/** {@code inquiryRefund}: a refund's status by {@code refundId} (wins) or {@code refundRequestId}. */
final class InquiryRefundApi implements AntomApi {

    private final Acquirer acquirer;

    InquiryRefundApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        RequestFields f = call.fields();
        String refundId = f.optionalText("refundId", 64).orElse(null);
        String refundRequestId = f.optionalText("refundRequestId", 64).orElse(null);
        f.optionalText("merchantAccountId", 32);
        if (refundId == null && refundRequestId == null) {
            throw ApiFailure.paramIllegal("refundId or refundRequestId is required");
        }
        Refund refund = acquirer.requireRefund(call.clientId(), refundId, refundRequestId);
        synchronized (refund.payment()) {
            return PaymentJson.inquiryRefundResponse(refund);
        }
    }
}
