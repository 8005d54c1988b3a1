package org.payengine.domain.fact;

import java.time.Instant;
import java.util.Objects;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * Antom says the payment succeeded ({@code SUCCESS}): the funds are authorized, and with automatic
 * capture Antom captures them next.
 *
 * @param paidAt         Antom's {@code paymentTime}; {@code null} when not given
 * @param authExpiresAt  Antom's {@code authExpiryTime} for a card authorization; {@code null} when not given
 * @param card           what Antom says about the card; {@link CardFacts#NONE} when nothing
 */
public record PaymentSucceeded(PaymentRequestId paymentRequestId, PaymentId paymentId, Money amount,
                               Instant paidAt, Instant authExpiresAt, CardFacts card) implements PaymentFact {

    public PaymentSucceeded {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        card = card == null ? CardFacts.NONE : card;
    }

    @Override
    public String describe() {
        return Description.of("PAYMENT_SUCCEEDED").with("paymentRequestId", paymentRequestId)
                .with("paymentId", paymentId).with("amount", amount).with("paidAt", paidAt)
                .with("authExpiresAt", authExpiresAt).toString();
    }
}
