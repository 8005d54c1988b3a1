package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;

/** Antom accepted the capture and has not finished it ({@code CAPTURE_IN_PROCESS}, or {@code PROCESSING} in an inquiry). */
public record CaptureProcessing(PaymentId paymentId, CaptureRequestId captureRequestId) implements CaptureFact {

    public CaptureProcessing {
        Objects.requireNonNull(paymentId, "paymentId");
    }

    @Override
    public String describe() {
        return Description.of("CAPTURE_PROCESSING").with("paymentId", paymentId)
                .with("captureRequestId", captureRequestId).toString();
    }
}
