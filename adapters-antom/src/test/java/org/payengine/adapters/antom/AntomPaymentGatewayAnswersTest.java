package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

/**
 * Answers the simulator does not give, signed as Antom would: how each maps to an outcome, and
 * that an answer which says "done" but cannot be read is unknown, never a failure.
 */
class AntomPaymentGatewayAnswersTest {

    private static final String OK = "\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}";

    private final ScriptedHttpServer antom = ScriptedHttpServer.http();
    private final AntomPaymentGateway gateway = AntomPaymentGateway.create(antom.antomSettings().build());

    @AfterEach
    void stop() {
        antom.close();
    }

    @Test
    void a_successful_pay_answer_without_payment_id_is_unknown_and_not_to_be_resent() {
        antom.answerSigned("{" + OK + "}", TestKeys.ANTOM);

        GatewayOutcome.Unknown<?> unknown = assertUnknown(gateway.pay(SimulatorFixture.request("4200",
                SimulatorFixture.hosted().build())));

        assertFalse(unknown.sameRequestMayBeResent(), "Antom says done: inquire rather than resend");
        assertTrue(unknown.reason().contains("paymentId is missing"), unknown.reason());
    }

    @Test
    void a_payment_in_process_takes_the_redirect_form_when_there_is_no_normal_url() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"PAYMENT_IN_PROCESS\",\"resultStatus\":\"U\"},\"paymentId\":\"p-1\","
                + "\"redirectActionForm\":{\"method\":\"GET\",\"redirectUrl\":\"https://antom.example/page\"}}", TestKeys.ANTOM);

        PaymentInProcess created = SimulatorFixture.completed(gateway.pay(SimulatorFixture.request("4200",
                SimulatorFixture.hosted().build())));

        assertEquals("https://antom.example/page", created.redirectUrl());
    }

    @Test
    void an_inquiry_answer_about_another_payment_is_unknown() {
        antom.answerSigned("{" + OK + ",\"paymentStatus\":\"FAIL\",\"paymentRequestId\":\"someone-else\"}", TestKeys.ANTOM);

        GatewayOutcome.Unknown<?> unknown = assertUnknown(gateway.inquirePayment(
                new PaymentInquiry(PaymentRequestId.of("mine"), null)));

        assertTrue(unknown.sameRequestMayBeResent(), "an inquiry may always be asked again");
    }

    @Test
    void an_undocumented_payment_status_is_unknown_and_a_failure_without_code_says_fail() {
        antom.answerSigned("{" + OK + ",\"paymentStatus\":\"REDIRECTED\"}", TestKeys.ANTOM);
        assertUnknown(gateway.inquirePayment(new PaymentInquiry(PaymentRequestId.of("mine"), null)));

        antom.answerSigned("{" + OK + ",\"paymentStatus\":\"FAIL\",\"paymentId\":\"p-1\"}", TestKeys.ANTOM);
        PaymentFailed failed = (PaymentFailed) SimulatorFixture.<List<?>>completed(
                gateway.inquirePayment(new PaymentInquiry(PaymentRequestId.of("mine"), null))).get(0);
        assertEquals("FAIL", failed.code().value());
    }

    @Test
    void capture_and_refund_accepted_for_later_are_processing_facts() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"CAPTURE_IN_PROCESS\",\"resultStatus\":\"U\"}}", TestKeys.ANTOM);
        assertInstanceOf(CaptureProcessing.class, SimulatorFixture.completed(gateway.capture(captureRequest())));

        antom.answerSigned("{\"result\":{\"resultCode\":\"REFUND_IN_PROCESS\",\"resultStatus\":\"U\"},\"refundId\":\"R-1\"}",
                TestKeys.ANTOM);
        assertInstanceOf(RefundProcessing.class, SimulatorFixture.completed(gateway.refund(
                new RefundRequest(RefundRequestId.of("rf-1"), PaymentId.of("p-1"), Money.of("SGD", 100), null))));
    }

    @Test
    void an_undocumented_u_code_and_a_reused_capture_id_are_unknown_and_not_to_be_resent() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"SOMETHING_NEW\",\"resultStatus\":\"U\"}}", TestKeys.ANTOM);
        assertFalse(assertUnknown(gateway.capture(captureRequest())).sameRequestMayBeResent());

        antom.answerSigned("{\"result\":{\"resultCode\":\"REPEAT_REQ_INCONSISTENT\",\"resultStatus\":\"F\"}}", TestKeys.ANTOM);
        assertFalse(assertUnknown(gateway.capture(captureRequest())).sameRequestMayBeResent());
    }

    @Test
    void a_result_that_is_not_antoms_is_unknown() {
        antom.answerSigned("{\"result\":{\"resultCode\":\"" + "X".repeat(65) + "\",\"resultStatus\":\"F\"}}", TestKeys.ANTOM);
        assertUnknown(gateway.capture(captureRequest()));

        antom.answerSigned("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"Q\"}}", TestKeys.ANTOM);
        assertUnknown(gateway.capture(captureRequest()));
    }

    private static CaptureRequest captureRequest() {
        return new CaptureRequest(CaptureRequestId.of("c-1"), PaymentId.of("p-1"), Money.of("SGD", 4200));
    }

    private static GatewayOutcome.Unknown<?> assertUnknown(GatewayOutcome<?> outcome) {
        return assertInstanceOf(GatewayOutcome.Unknown.class, outcome, outcome.toString());
    }
}
