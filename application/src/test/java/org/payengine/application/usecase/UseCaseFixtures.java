package org.payengine.application.usecase;

import java.util.List;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/** Short ways to get an engine's order into a given state through its use cases. */
final class UseCaseFixtures {

    static final Money AMOUNT = Money.of("SGD", 4200);

    private UseCaseFixtures() {
    }

    static CreateOrGetOrder.Command order(String id) {
        return new CreateOrGetOrder.Command(ReferenceOrderId.of(id), AMOUNT, "Two coffees", Buyer.withId("buyer-1"),
                List.of());
    }

    static PaymentOptions options(CaptureMode mode) {
        return PaymentOptions.hostedCard("https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"))
                .captureMode(mode).build();
    }

    /** Creates the order and starts a payment; the fake Antom answers "in process". */
    static PaymentAttempt pendingPayment(InMemoryEngine engine, String orderId, CaptureMode mode) {
        engine.useCases.createOrGetOrder().createOrGet(order(orderId)).value();
        return engine.useCases.startPayment().start(new StartPayment.Command(ReferenceOrderId.of(orderId), options(mode))).value();
    }

    /** A pending payment the buyer paid, with Antom's notification facts applied. */
    static PaymentAttempt paidPayment(InMemoryEngine engine, String orderId, CaptureMode mode) {
        PaymentAttempt pending = pendingPayment(engine, orderId, mode);
        notifyBuyerPaid(engine, pending.id());
        return engine.useCases.getPayment().get(pending.id()).orElseThrow();
    }

    static void notifyBuyerPaid(InMemoryEngine engine, PaymentRequestId attempt) {
        engine.useCases.applyPaymentFacts().apply(new ApplyPaymentFacts.Command(engine.gateway.buyerPays(attempt),
                FactSource.NOTIFICATION));
    }
}
