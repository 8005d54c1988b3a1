package org.payengine.adapters.antom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentRequest;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.AntomSimulator;

/**
 * The Antom simulator on loopback HTTP, with the adapter's gateway and decoder configured for it
 * (requests pass through a {@link RecordingProxy}; notifications go to a {@link NotificationInboxServer}).
 * A test class holds one in a static {@code @RegisterExtension} field; it stops after the class.
 */
final class SimulatorFixture implements AutoCloseable, AfterAllCallback {

    static final String SUCCESS_VISA = "4054695723100768";
    static final String DECLINED_VISA = "4054692760174822";
    static final String CAPTURE_PROCESSING = "4000020000000083";
    static final String CAPTURE_FAILS = "4000020000000091";

    final AntomSimulator antom;
    final RecordingProxy proxy;
    final AntomNotificationDecoder decoder;
    final NotificationInboxServer inbox;
    final AntomPaymentGateway gateway;

    SimulatorFixture() {
        antom = AntomSimulator.builder().host("127.0.0.1").port(0).build().start();
        proxy = new RecordingProxy(antom.baseUrl());
        decoder = AntomNotificationDecoder.create(settings(Duration.ofSeconds(5)).build());
        inbox = new NotificationInboxServer(decoder);
        gateway = gateway(Duration.ofSeconds(5));
    }

    AntomSettings.Builder settings(Duration timeouts) {
        return AntomSettings.builder()
                .clientId(antom.clientId())
                .merchantPrivateKey(antom.merchantPrivateKey())
                .antomPublicKey(antom.antomPublicKey())
                .endpoint(proxy.baseUrl())
                .connectTimeout(timeouts)
                .readTimeout(timeouts);
    }

    AntomPaymentGateway gateway(Duration timeouts) {
        return AntomPaymentGateway.create(settings(timeouts).notifyUrl(inbox.notifyUrl()).build());
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static PaymentRequest request(String value, PaymentOptions options) {
        return new PaymentRequest(PaymentRequestId.of(uniqueId("pay")), ReferenceOrderId.of(uniqueId("order")),
                "Two coffees", Money.of("SGD", Long.parseLong(value)), Buyer.withId("buyer-1"), List.of(), options,
                Instant.now().plus(Duration.ofMinutes(14)));
    }

    static PaymentOptions.Builder hosted() {
        return PaymentOptions.hostedCard("https://shop.example/return", TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7"));
    }

    @SuppressWarnings("unchecked")
    static <T> T completed(GatewayOutcome<?> outcome) {
        if (!(outcome instanceof GatewayOutcome.Completed)) {
            throw new AssertionError("expected a completed call, got " + outcome);
        }
        return ((GatewayOutcome.Completed<T>) outcome).value();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        inbox.close();
        proxy.close();
        antom.close();
    }
}
