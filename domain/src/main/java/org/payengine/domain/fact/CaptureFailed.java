package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;

/** Antom's definite answer that a capture failed ({@code F}), with its reason. */
public record CaptureFailed(PaymentId paymentId, CaptureRequestId captureRequestId, ResultCode code, String message)
        implements CaptureFact {

    public CaptureFailed {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(code, "code");
        message = Text.tidied(message, 512);
    }

    @Override
    public String describe() {
        return Description.of("CAPTURE_FAILED").with("paymentId", paymentId)
                .with("captureRequestId", captureRequestId).with("code", code).with("message", message).toString();
    }
}
