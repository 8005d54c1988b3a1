package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/** One refund call; {@code refundRequestId} is the same on every retry. */
public record RefundRequest(RefundRequestId refundRequestId, PaymentId paymentId, Money amount, String reason) {

    public RefundRequest {
        Objects.requireNonNull(refundRequestId, "refundRequestId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        reason = Text.tidied(reason, 256);
    }
}
