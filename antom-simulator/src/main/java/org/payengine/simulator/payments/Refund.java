package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.Money;

/** One refund of a captured payment. */
public final class Refund {

    final String refundRequestId;
    final String refundId;
    final Payment payment;
    final Money amount;
    final Instant requestedAt;
    final JsonNode request;
    final String notifyUrl;
    PaymentStatus status = PaymentStatus.PROCESSING;
    AntomResult result = AntomResult.REFUND_IN_PROCESS;
    Instant refundTime;

    Refund(String refundRequestId, String refundId, Payment payment, Money amount, Instant requestedAt,
           JsonNode request, String notifyUrl) {
        this.refundRequestId = refundRequestId;
        this.refundId = refundId;
        this.payment = payment;
        this.amount = amount;
        this.requestedAt = requestedAt;
        this.request = request;
        this.notifyUrl = notifyUrl;
    }

    public String refundRequestId() {
        return refundRequestId;
    }

    public String refundId() {
        return refundId;
    }

    public Payment payment() {
        return payment;
    }

    public Money amount() {
        return amount;
    }

    public PaymentStatus status() {
        return status;
    }

    public AntomResult result() {
        return result;
    }

    public Instant refundTime() {
        return refundTime;
    }

    public Instant requestedAt() {
        return requestedAt;
    }
}
