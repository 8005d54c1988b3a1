package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * An inquiry about one payment ({@code inquiryPayment}). Works with the payment request id alone, which
 * is how an attempt whose pay call never answered is settled.
 *
 * @param paymentId Antom's id when known, else {@code null}
 */
public record PaymentInquiry(PaymentRequestId paymentRequestId, PaymentId paymentId) {

    public PaymentInquiry {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
    }
}
