package org.payengine.domain.order;

import java.time.Instant;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentSucceeded;

/**
 * The states Antom's success led to while its funds stay with the merchant: {@link Authorized}, {@link Captured} and
 * {@link Refunded}. Each holds Antom's payment id and the authorization; the success is known, so hearing it again
 * only adds what it says new, and a failure contradicts it.
 */
public sealed interface AfterSuccess extends AttemptState permits Authorized, Captured, Refunded {

    /** The success is known; keeps what the news adds (Antom's authorization expiry). */
    @Override
    default Move succeeded(PaymentAttempt attempt, PaymentSucceeded fact, Instant now) {
        return Move.to(withAuthorization(authorization().withAuthExpiry(attempt.captureMode(), fact.authExpiresAt())));
    }

    @Override
    default Move failed(PaymentFailed fact) {
        return Move.contradiction("FAILURE_AFTER_SUCCESS", true);
    }

    @Override
    AfterSuccess withAuthorization(Authorization changed);
}
