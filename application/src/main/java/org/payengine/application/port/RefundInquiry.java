package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;

/** An inquiry about one refund ({@code inquiryRefund}); {@code refundId} is {@code null} when not known. */
public record RefundInquiry(RefundRequestId refundRequestId, RefundId refundId) {

    public RefundInquiry {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
    }
}
