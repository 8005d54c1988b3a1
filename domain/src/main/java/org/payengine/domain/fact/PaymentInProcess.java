package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/**
 * Antom created the payment and awaits the buyer or the issuer: pay answered {@code U} /
 * {@code PAYMENT_IN_PROCESS}, the inquiry says {@code PROCESSING} or {@code PENDING}, or a
 * {@code PAYMENT_PENDING} notification arrived.
 *
 * @param redirectUrl Antom's {@code normalUrl}, where the buyer enters the card; {@code null} when not given
 */
public record PaymentInProcess(PaymentRequestId paymentRequestId, PaymentId paymentId, String redirectUrl)
        implements PaymentFact {

    public PaymentInProcess {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        redirectUrl = Text.optional("redirectUrl", redirectUrl, 2048);
    }

    @Override
    public String describe() {
        return Description.of("PAYMENT_IN_PROCESS").with("paymentRequestId", paymentRequestId)
                .with("paymentId", paymentId).with("redirectUrl", redirectUrl).toString();
    }
}
