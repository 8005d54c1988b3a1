package org.payengine.application.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.FactOutcome;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The one path every fact takes, whether it came from a pay response, a notification or an inquiry: finds the
 * order each fact is about, applies it, saves every order that changed once, and keeps the cards buyers asked to
 * save. Also reads attempts back for the use cases, each read in its own transaction.
 */
final class FactApplier {

    private final Transactions transactions;
    private final Orders orders;
    private final CardTokens cardTokens;
    private final Clock clock;

    FactApplier(Transactions transactions, Orders orders, CardTokens cardTokens, Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.cardTokens = cardTokens;
        this.clock = clock;
    }

    /** Applies the facts in a transaction of their own. */
    List<AppliedFact> apply(List<? extends Fact> facts, FactSource source) {
        return transactions.inTransaction(() -> applyWithin(facts, source, clock.now()));
    }

    /**
     * Applies the facts in one transaction and answers the attempt as it stands at its end. The order the facts
     * were applied to is the stored one (read and, if changed, saved in this transaction), so its attempt is taken
     * from it rather than read again; only when no fact found the attempt's order is it looked up.
     */
    PaymentAttempt applyAndRead(PaymentRequestId attemptId, FactSource source, List<? extends Fact> facts) {
        return transactions.inTransaction(() -> applyAndReadWithin(attemptId, source, facts, new LinkedHashMap<>()));
    }

    private PaymentAttempt applyAndReadWithin(PaymentRequestId attemptId, FactSource source,
                                              List<? extends Fact> facts, Map<ReferenceOrderId, Order> loaded) {
        applyWithin(facts, source, clock.now(), loaded);
        for (Order order : loaded.values()) {
            Optional<PaymentAttempt> attempt = order.attempt(attemptId);
            if (attempt.isPresent()) {
                return attempt.get();
            }
        }
        return find(attemptId).orElseThrow();
    }

    /** The attempt as stored now, read in a transaction of its own. */
    Optional<PaymentAttempt> attempt(PaymentRequestId attemptId) {
        return transactions.inTransaction(() -> find(attemptId));
    }

    /** Applies the facts inside the caller's transaction. */
    List<AppliedFact> applyWithin(List<? extends Fact> facts, FactSource source, Instant now) {
        return applyWithin(facts, source, now, new LinkedHashMap<>());
    }

    /** As {@link #applyWithin(List, FactSource, Instant)}, leaving every order it read, as saved, in {@code loaded}. */
    private List<AppliedFact> applyWithin(List<? extends Fact> facts, FactSource source, Instant now,
                                          Map<ReferenceOrderId, Order> loaded) {
        List<AppliedFact> applied = new ArrayList<>();
        for (Fact fact : facts) {
            Optional<Order> order = orderFor(fact).map(found -> loaded.computeIfAbsent(found.id(), id -> found));
            if (order.isEmpty()) {
                applied.add(new AppliedFact(fact, null, new FactOutcome(FactOutcome.Kind.NOT_FOUND, null,
                        "no order knows " + fact.describe())));
                continue;
            }
            applied.add(new AppliedFact(fact, order.get().id(), order.get().apply(fact, source, now)));
        }
        for (Order order : loaded.values()) {
            if (order.hasChanges()) {
                orders.save(order);
                keepSavedCards(order, now);
            }
        }
        return applied;
    }

    private Optional<PaymentAttempt> find(PaymentRequestId attemptId) {
        return orders.findByPaymentRequestId(attemptId).flatMap(order -> order.attempt(attemptId));
    }

    private Optional<Order> orderFor(Fact fact) {
        if (fact instanceof PaymentFact payment) {
            Optional<Order> byRequest = orders.findByPaymentRequestId(payment.paymentRequestId());
            return byRequest.isPresent() || payment.paymentId() == null
                    ? byRequest : orders.findByPaymentId(payment.paymentId());
        }
        if (fact instanceof CaptureFact capture) {
            Optional<Order> byRequest = capture.captureRequestId() == null
                    ? Optional.empty() : orders.findByCaptureRequestId(capture.captureRequestId());
            return byRequest.isPresent() ? byRequest : orders.findByPaymentId(capture.paymentId());
        }
        return orders.findByRefundRequestId(((RefundFact) fact).refundRequestId());
    }

    /** A card the buyer chose to save on the hosted page is kept under the buyer's id, once Antom gives its token. */
    private void keepSavedCards(Order order, Instant now) {
        var buyer = order.snapshot().buyer().id();
        if (buyer == null) {
            return;
        }
        for (PaymentAttempt attempt : order.attempts()) {
            CardFacts card = attempt.card();
            if (attempt.options().saveCard() && card.token() != null
                    && cardTokens.find(buyer, card.token()).isEmpty()) {
                cardTokens.save(new StoredCard(buyer, card.token(), card.brand(), card.maskedNumber(), card.expiry(), now));
            }
        }
    }
}
