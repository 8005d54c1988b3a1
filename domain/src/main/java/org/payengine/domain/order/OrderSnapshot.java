package org.payengine.domain.order;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.work.PendingWork;

/**
 * The complete state of an order and its attempts at one version, as a store saves and loads it. Immutable;
 * {@link Order#restore(OrderSnapshot)} turns it back into an aggregate that can change. Queries read it.
 *
 * @param description       the merchant's description of the order (Antom's {@code orderDescription}), may be {@code null}
 * @param closedAt          when the merchant closed the order unpaid, {@code null} otherwise
 * @param successfulAttempt the one attempt that counts as the order's payment, {@code null} until one succeeds;
 *                          a store backs "one success per order" with a unique constraint on it
 * @param attempts          all attempts, oldest first
 * @param version           the version this state was loaded at; 0 for an order never saved
 */
public record OrderSnapshot(ReferenceOrderId id, Money amount, String description, Buyer buyer, List<GoodsLine> goods,
                            Instant createdAt, Instant closedAt, PaymentRequestId successfulAttempt,
                            List<PaymentAttempt> attempts, long version) {

    public static final int MAX_DESCRIPTION_LENGTH = 256;

    public OrderSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "must be positive, was " + amount);
        }
        description = MerchantText.optional("description", description, MAX_DESCRIPTION_LENGTH);
        buyer = buyer == null ? Buyer.ANONYMOUS : buyer;
        goods = goods == null ? List.of() : List.copyOf(goods);
        Objects.requireNonNull(createdAt, "createdAt");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
        requireGoodsAddUpTo(amount, goods);
        requireAttemptsBelongTo(id, attempts);
        if (successfulAttempt != null) {
            PaymentAttempt success = attempts.stream().filter(a -> a.id().equals(successfulAttempt)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Order " + id + ": successful attempt " + successfulAttempt + " is not one of its attempts"));
            if (success.duplicate() || success.authorization() == null) {
                throw new IllegalArgumentException(
                        "Order " + id + ": successful attempt " + successfulAttempt + " is a duplicate or was never authorized");
            }
        }
    }

    /**
     * Derived from the attempts: {@code OPEN} until one succeeds, {@code AUTHORIZED} while its capture is
     * outstanding, {@code PAID} once captured (also while partly refunded), {@code REFUNDED} once its captured
     * payment was refunded in full, {@code CLOSED} when the merchant closed it unpaid or its authorized payment was
     * cancelled.
     */
    public OrderStatus status() {
        if (successfulAttempt == null) {
            return closedAt == null ? OrderStatus.OPEN : OrderStatus.CLOSED;
        }
        return switch (attempt(successfulAttempt).orElseThrow().status()) {
            case AUTHORIZED -> OrderStatus.AUTHORIZED;
            case CAPTURED -> OrderStatus.PAID;
            case REFUNDED -> OrderStatus.REFUNDED;
            default -> OrderStatus.CLOSED;
        };
    }

    public Optional<PaymentAttempt> attempt(PaymentRequestId attemptId) {
        return find(a -> a.id().equals(attemptId));
    }

    public Optional<PaymentAttempt> successful() {
        return successfulAttempt == null ? Optional.empty() : attempt(successfulAttempt);
    }

    public Optional<PaymentAttempt> attemptByPaymentId(PaymentId paymentId) {
        return find(a -> paymentId.equals(a.paymentId()));
    }

    public Optional<PaymentAttempt> attemptByCaptureRequestId(CaptureRequestId captureRequestId) {
        return find(a -> a.capture() != null && captureRequestId.equals(a.capture().requestId()));
    }

    public Optional<PaymentAttempt> attemptByCaptureId(CaptureId captureId) {
        return find(a -> a.capture() != null && captureId.equals(a.capture().captureId()));
    }

    public Optional<PaymentAttempt> attemptByRefundRequestId(RefundRequestId refundRequestId) {
        return find(a -> a.refund(refundRequestId).isPresent());
    }

    /**
     * The background work this state needs, attempt by attempt, oldest first (see {@link Order#pendingWork()}).
     *
     * <p>A store may trust that an order's stored items are what this gave for the order as it read it, and write only
     * the difference (the JDBC store does). So a change to the rule must come with a migration that brings the stored
     * items of existing orders in step with it; otherwise an item the new rule needs could be taken for present and
     * never be worked.
     */
    public List<PendingWork> pendingWork() {
        return WorkNeeded.of(this);
    }

    /** The same state at another version; a store uses it to hand back what it saved. */
    public OrderSnapshot withVersion(long newVersion) {
        return new OrderSnapshot(id, amount, description, buyer, goods, createdAt, closedAt, successfulAttempt, attempts,
                newVersion);
    }

    OrderSnapshot with(List<PaymentAttempt> newAttempts, PaymentRequestId newSuccessfulAttempt, Instant newClosedAt) {
        return new OrderSnapshot(id, amount, description, buyer, goods, createdAt, newClosedAt, newSuccessfulAttempt,
                newAttempts, version);
    }

    private Optional<PaymentAttempt> find(Predicate<PaymentAttempt> predicate) {
        return attempts.stream().filter(predicate).findFirst();
    }

    private static void requireGoodsAddUpTo(Money amount, List<GoodsLine> goods) {
        if (goods.isEmpty()) {
            return;
        }
        Money total = Money.zero(amount.currency());
        for (GoodsLine line : goods) {
            if (!line.unitAmount().sameCurrencyAs(amount)) {
                throw new InvalidValueException("goods", "line " + line.referenceGoodsId() + " is in "
                        + line.unitAmount().currencyCode() + ", the order in " + amount.currencyCode());
            }
            total = total.plus(line.total());
        }
        if (!total.equals(amount)) {
            throw new InvalidValueException("goods",
                    "add up to " + total + " but the order amount is " + amount + " (Antom requires them to match)");
        }
    }

    private static void requireAttemptsBelongTo(ReferenceOrderId id, List<PaymentAttempt> attempts) {
        Set<PaymentRequestId> seen = new HashSet<>();
        for (PaymentAttempt attempt : attempts) {
            if (!attempt.orderId().equals(id)) {
                throw new IllegalArgumentException("Attempt " + attempt.id() + " belongs to order " + attempt.orderId()
                        + ", not " + id);
            }
            if (!seen.add(attempt.id())) {
                throw new IllegalArgumentException("Order " + id + " has attempt " + attempt.id() + " twice");
            }
        }
    }
}
