package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * One cancel call. Antom identifies the payment by {@code paymentId} when given, else by the payment request
 * id, and is idempotent per payment.
 */
public record CancelRequest(PaymentRequestId paymentRequestId, PaymentId paymentId) {

    public CancelRequest {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
    }
}
