package com.example.shop;

import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.application.port.RawNotification;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.HandleNotification.Handling;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.UseCases;
import org.payengine.bootstrap.embedded.PayEngine;
import org.payengine.domain.Result;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/** A shop's payments, with PayEngine inside the shop's own process, on the shop's own database. */
public final class ShopPayments implements AutoCloseable {

    /** Where the shop ships a paid order; called at least once per order, so it deduplicates. */
    public interface Shipping {
        void ship(String orderId);
    }

    /** What the shop's endpoint answers Antom: 200 with this body once stored; anything else makes Antom retry. */
    public record Answer(int status, String body) {
    }

    private final PayEngine engine;
    private final UseCases payments;
    private final String returnUrl;

    public ShopPayments(DataSource shopDatabase, AntomSettings antom, String returnUrl, Shipping shipping) {
        this.engine = PayEngine.builder()
                .dataSource(shopDatabase)               // the engine's tables beside the shop's; migrated now
                .antom(antom)
                .eventSink(event -> {                   // at least once, in order per order
                    if (event instanceof OrderPaid paid) {
                        shipping.ship(paid.id().orderId().value());
                    }
                })
                .build();                               // the workers start: late results, captures, events
        this.payments = engine.useCases();
        this.returnUrl = returnUrl;
    }

    /** The buyer pressed Pay: creates the order (once) and a payment attempt; send the buyer to the returned URL. */
    public String checkout(String orderId, String currency, long amountInMinorUnits, String buyerId, String buyerIp) {
        ReferenceOrderId id = ReferenceOrderId.of(orderId);
        payments.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(
                id, Money.of(currency, amountInMinorUnits), "Order " + orderId, Buyer.withId(buyerId), null));
        Result<PaymentAttempt> started = payments.startPayment().start(new StartPayment.Command(id,
                PaymentOptions.hostedCard(returnUrl, TerminalEnvironment.of(TerminalType.WEB, buyerIp)).build()));
        if (!started.isAccepted()) {
            throw new IllegalStateException("Cannot pay " + orderId + ": " + started.rejection().message());
        }
        return started.value().redirectUrl();          // Antom's hosted card page
    }

    /** The buyer is back from Antom's page: asks Antom now rather than wait for its notification. */
    public OrderStatus buyerReturned(String orderId) {
        ReferenceOrderId id = ReferenceOrderId.of(orderId);
        payments.getOrder().get(id).ifPresent(order -> order.attempts().stream()
                .reduce((first, second) -> second)
                .ifPresent(latest -> payments.syncPayment().sync(latest.id())));
        return payments.getOrder().get(id).orElseThrow().status();
    }

    /** The shop's endpoint for Antom's notifications hands each one over untouched, and answers as told. */
    public Answer antomNotification(String method, String path, Map<String, String> headers, byte[] body) {
        Handling handling = payments.handleNotification()
                .handle(new RawNotification(method, path, headers, body, Instant.now()));
        if (handling instanceof Handling.Acknowledge acknowledge) {
            return new Answer(200, acknowledge.body());
        }
        if (handling instanceof Handling.RetryLater) {
            return new Answer(409, "");                 // stored; Antom sends it again
        }
        return new Answer(401, "");                     // not verifiably Antom's: nothing changed
    }

    /** On the shop's shutdown: the workers finish the item in hand; the shop's database stays open. */
    @Override
    public void close() {
        engine.close();
    }
}
