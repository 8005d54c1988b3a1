package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.antom.SimulatorFixture.completed;
import static org.payengine.adapters.antom.SimulatorFixture.hosted;
import static org.payengine.adapters.antom.SimulatorFixture.request;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;

/**
 * Every API under every fault the simulator can inject: the outcome is unknown — never refused —
 * the same request may be resent, and resending it (Antom's idempotency) completes the call.
 */
class AntomPaymentGatewayFaultTest {

    @RegisterExtension
    static final SimulatorFixture fixture = new SimulatorFixture();
    /** For the hang: gives up long before the simulator answers. */
    private static final PaymentGateway impatient = fixture.gateway(Duration.ofMillis(300));

    @AfterEach
    void clearFaults() {
        fixture.antom.clearFaults();
    }

    static Stream<Arguments> apisAndFaults() {
        List<Fault> faults = List.of(Fault.of(FaultKind.HTTP_5XX, 1).withHttpStatus(503),
                Fault.of(FaultKind.HANG, 1).withHangSeconds(1.0),
                Fault.of(FaultKind.UNKNOWN_RESULT, 1),
                Fault.of(FaultKind.OMIT_SIGNATURE, 1),
                Fault.of(FaultKind.CORRUPT_SIGNATURE, 1));
        List<String> apis = List.of("pay", "inquiryPayment", "capture", "cancel", "refund", "inquiryRefund", "consult");
        return apis.stream().flatMap(api -> faults.stream().map(fault -> Arguments.of(api, fault.kind(), fault)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("apisAndFaults")
    void a_fault_is_an_unknown_outcome_and_the_same_request_completes_when_resent(String api, FaultKind kind, Fault fault) {
        Function<PaymentGateway, GatewayOutcome<?>> call = prepared(api);
        fixture.antom.injectFault(fault.forApi(api));

        GatewayOutcome<?> outcome = call.apply(kind == FaultKind.HANG ? impatient : fixture.gateway);

        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, outcome, outcome.toString());
        assertTrue(unknown.sameRequestMayBeResent(), unknown.toString());
        assertTrue(unknown.reason().contains(expectedReason(kind)), unknown.reason());
        assertFalse(fixture.antom.armedFaults().stream().anyMatch(armed -> armed.kind() == kind), "the fault was used");
        completed(call.apply(fixture.gateway));
    }

    @Test
    void a_call_over_antoms_rate_limit_is_an_unknown_outcome_marked_rate_limited() {
        PaymentInProcess created = completed(fixture.gateway.pay(request("4200", hosted().build())));
        PaymentInquiry inquiry = new PaymentInquiry(created.paymentRequestId(), null);
        fixture.antom.limit("inquiryPayment", 0.001);
        try {
            completed(fixture.gateway.inquirePayment(inquiry));

            GatewayOutcome<?> limited = fixture.gateway.inquirePayment(inquiry);

            GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, limited, limited.toString());
            assertTrue(unknown.rateLimited(), unknown.toString());
            assertTrue(unknown.sameRequestMayBeResent());
        } finally {
            fixture.antom.sandbox().removeLimit("inquiryPayment");
        }
        completed(fixture.gateway.inquirePayment(inquiry));
    }

    private static String expectedReason(FaultKind kind) {
        switch (kind) {
            case HTTP_5XX:
                return "HTTP 503";
            case HANG:
                return "TIMED_OUT";
            case UNKNOWN_RESULT:
                return "UNKNOWN_EXCEPTION";
            case OMIT_SIGNATURE:
                return "UNSIGNED_ANSWER";
            default:
                return "BAD_SIGNATURE";
        }
    }

    /** The call for {@code api}, with what it needs at Antom already in place; calling it twice sends the same request. */
    private static Function<PaymentGateway, GatewayOutcome<?>> prepared(String api) {
        switch (api) {
            case "pay": {
                var request = request("4200", hosted().build());
                return gateway -> gateway.pay(request);
            }
            case "inquiryPayment": {
                PaymentInProcess created = authorized(CaptureMode.MANUAL);
                return gateway -> gateway.inquirePayment(new PaymentInquiry(created.paymentRequestId(), null));
            }
            case "capture": {
                PaymentInProcess created = authorized(CaptureMode.MANUAL);
                CaptureRequest capture = new CaptureRequest(CaptureRequestId.of(SimulatorFixture.uniqueId("capture")),
                        created.paymentId(), Money.of("SGD", 4200));
                return gateway -> gateway.capture(capture);
            }
            case "cancel": {
                PaymentInProcess created = authorized(CaptureMode.MANUAL);
                return gateway -> gateway.cancel(new CancelRequest(created.paymentRequestId(), created.paymentId()));
            }
            case "refund": {
                RefundRequest refund = refundable();
                return gateway -> gateway.refund(refund);
            }
            case "inquiryRefund": {
                RefundRequest refund = refundable();
                completed(fixture.gateway.refund(refund));
                return gateway -> gateway.inquireRefund(new RefundInquiry(refund.refundRequestId(), null));
            }
            default:
                return gateway -> gateway.consult(new ConsultRequest(Currency.getInstance("SGD"), Money.of("SGD", 4200),
                        TerminalType.WEB, null));
        }
    }

    private static PaymentInProcess authorized(CaptureMode mode) {
        PaymentInProcess created = completed(fixture.gateway.pay(request("4200", hosted().captureMode(mode).build())));
        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.SUCCESS_VISA, false);
        return created;
    }

    private static RefundRequest refundable() {
        PaymentInProcess created = authorized(CaptureMode.AUTOMATIC);
        fixture.antom.advanceClock(Duration.ofSeconds(5));
        return new RefundRequest(RefundRequestId.of(SimulatorFixture.uniqueId("refund")), created.paymentId(),
                Money.of("SGD", 500), null);
    }
}
