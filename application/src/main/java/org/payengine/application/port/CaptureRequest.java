package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.money.Money;

/** One capture call; {@code captureRequestId} is the same on every retry, {@code amount} the authorized amount. */
public record CaptureRequest(CaptureRequestId captureRequestId, PaymentId paymentId, Money amount) {

    public CaptureRequest {
        Objects.requireNonNull(captureRequestId, "captureRequestId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
    }
}
