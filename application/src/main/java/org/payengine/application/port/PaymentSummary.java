package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * One payment attempt as a line of the {@link OrderListing}'s payments: enough to find the ones that need a look
 * (read the whole attempt with {@link Orders#findByPaymentRequestId}).
 *
 * @param needsReview whether the attempt holds a fact set aside for a person ({@link PaymentAttempt#reviews()})
 */
public record PaymentSummary(PaymentRequestId id, ReferenceOrderId orderId, AttemptStatus status, Money amount,
                             Instant createdAt, boolean needsReview) {

    public PaymentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The summary of an attempt as it stands. */
    public static PaymentSummary of(PaymentAttempt attempt) {
        return new PaymentSummary(attempt.id(), attempt.orderId(), attempt.status(), attempt.amount(),
                attempt.initiatedAt(), !attempt.reviews().isEmpty());
    }

    /** Where a listing continues after this attempt. */
    public PaymentCursor cursor() {
        return new PaymentCursor(createdAt, id);
    }
}
