package org.payengine.domain.order;

import org.payengine.domain.id.PaymentId;

/**
 * Antom created the payment and waits for the buyer on the hosted page.
 *
 * @param paymentId Antom's payment id, {@code null} when its answer did not give one
 */
public record Pending(PaymentId paymentId) implements AwaitingResult {

    @Override
    public AttemptStatus status() {
        return AttemptStatus.PENDING;
    }
}
