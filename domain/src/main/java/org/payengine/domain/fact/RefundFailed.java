package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.RefundRequestId;

/** Antom's definite answer that a refund failed, with its reason (e.g. {@code REFUND_WINDOW_EXCEED}). */
public record RefundFailed(RefundRequestId refundRequestId, ResultCode code, String message) implements RefundFact {

    public RefundFailed {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
        Objects.requireNonNull(code, "code");
        message = Text.tidied(message, 512);
    }

    @Override
    public String describe() {
        return Description.of("REFUND_FAILED").with("refundRequestId", refundRequestId)
                .with("code", code).with("message", message).toString();
    }
}
