package org.payengine.domain.order;

import org.payengine.domain.fact.PaymentInProcess;
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

    /** Still pending: keeps what the news adds (a payment id learned late), never replaces what is known. */
    @Override
    public Move inProcess(PaymentInProcess fact) {
        return Move.to(new Pending(AttemptState.known(paymentId, fact.paymentId())));
    }
}
