package org.payengine.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;

/**
 * One pay call for a card payment on Antom's hosted page ({@code productCode=CASHIER_PAYMENT},
 * {@code paymentMethodType=CARD}), built from the order and its attempt so that the very same request can
 * be rebuilt and resent under the same payment request id.
 *
 * @param orderDescription Antom's {@code orderDescription}; {@code null} when the order has none
 * @param amount           both {@code paymentAmount} and {@code order.orderAmount}
 * @param goods            Antom's {@code order.goods}; empty when the merchant gave none
 * @param expiresAt        the attempt's expiry; sent as {@code paymentExpiryTime} only when the merchant asked for
 *                         one (see {@link #paymentExpiryTime()})
 */
public record PaymentRequest(PaymentRequestId paymentRequestId, ReferenceOrderId referenceOrderId,
                             String orderDescription, Money amount, Buyer buyer, List<GoodsLine> goods,
                             PaymentOptions options, Instant expiresAt) {

    public PaymentRequest {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(referenceOrderId, "referenceOrderId");
        Objects.requireNonNull(amount, "amount");
        buyer = buyer == null ? Buyer.ANONYMOUS : buyer;
        goods = goods == null ? List.of() : List.copyOf(goods);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static PaymentRequest of(OrderSnapshot order, PaymentAttempt attempt) {
        return new PaymentRequest(attempt.id(), order.id(), order.description(), attempt.amount(), order.buyer(),
                order.goods(), attempt.options(), attempt.expiresAt());
    }

    /** The {@code paymentExpiryTime} to send, or {@code null} to leave Antom's default (14 minutes). */
    public Instant paymentExpiryTime() {
        return options.expiresIn() != null ? expiresAt : null;
    }
}
