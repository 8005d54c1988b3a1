package org.payengine.adapters.persistence;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/** Orders and facts for the store tests, with ids unique per call so tests can share a database. */
final class OrderFixtures {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final Money AMOUNT = Money.of("SGD", 4200);
    static final CardFacts CARD = new CardFacts("VISA", MaskedCardNumber.of("405469******0768"), CardToken.of("tok-1"),
            "CREDIT", "SG", YearMonth.of(2030, 12), "Y", "M", new ThreeDSResult("2.2.0", "05", "cavv", "ds-1"), "ntx-1");

    private OrderFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static Order newOrder() {
        return Order.create(ReferenceOrderId.of(unique("order")), AMOUNT, "two books", Buyer.withId("buyer-1"),
                List.of(), NOW);
    }

    static PaymentOptions options(CaptureMode mode) {
        return PaymentOptions.hostedCard("https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.9"))
                .captureMode(mode)
                .build();
    }

    /** Starts an attempt and records Antom's pay answer (PENDING, with a payment id). */
    static PaymentRequestId startPendingAttempt(Order order, CaptureMode mode) {
        PaymentRequestId attempt = PaymentRequestId.of(unique("request"));
        order.startAttempt(attempt, options(mode), NOW);
        order.apply(new PaymentInProcess(attempt, paymentIdOf(attempt), "https://antom.example/pay"),
                FactSource.API_RESPONSE, NOW);
        return attempt;
    }

    static PaymentSucceeded success(PaymentRequestId attempt) {
        return new PaymentSucceeded(attempt, paymentIdOf(attempt), AMOUNT, NOW.plusSeconds(30), null, CARD);
    }

    static PaymentId paymentIdOf(PaymentRequestId attempt) {
        return PaymentId.of("pay-" + attempt.value());
    }
}
