package org.payengine.domain.fact;

import java.util.Objects;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;

/** Antom accepted the refund and has not finished it ({@code REFUND_IN_PROCESS}, or {@code PROCESSING}). */
public record RefundProcessing(RefundRequestId refundRequestId, RefundId refundId) implements RefundFact {

    public RefundProcessing {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
    }

    @Override
    public String describe() {
        return Description.of("REFUND_PROCESSING").with("refundRequestId", refundRequestId)
                .with("refundId", refundId).toString();
    }
}
