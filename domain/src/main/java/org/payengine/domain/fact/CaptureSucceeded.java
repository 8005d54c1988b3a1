package org.payengine.domain.fact;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.money.Money;

/**
 * Antom captured the funds: the buyer has paid. Also proof that the payment was authorized, whatever
 * order the facts arrive in.
 *
 * @param capturedAt Antom's {@code captureTime}; {@code null} when not given
 */
public record CaptureSucceeded(PaymentId paymentId, CaptureRequestId captureRequestId, CaptureId captureId,
                               Money amount, Instant capturedAt) implements CaptureFact {

    public CaptureSucceeded {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(captureId, "captureId");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String describe() {
        return Description.of("CAPTURE_SUCCEEDED").with("paymentId", paymentId)
                .with("captureRequestId", captureRequestId).with("captureId", captureId)
                .with("amount", amount).with("capturedAt", capturedAt).toString();
    }
}
