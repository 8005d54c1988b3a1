package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.serializer.SerializerFeature;
import com.alipay.global.api.model.Result;
import com.alipay.global.api.model.ResultStatusType;
import com.alipay.global.api.model.ams.Amount;
import com.alipay.global.api.model.ams.Buyer;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.Order;
import com.alipay.global.api.model.ams.PaymentFactor;
import com.alipay.global.api.model.ams.PaymentMethod;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.request.AlipayRequest;
import com.alipay.global.api.request.ams.pay.AlipayCaptureRequest;
import com.alipay.global.api.request.ams.pay.AlipayInquiryRefundRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayCancelRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayConsultRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayRequest;
import com.alipay.global.api.request.ams.pay.AlipayRefundRequest;
import com.alipay.global.api.response.AlipayResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;

/**
 * Test vectors from outside: the request and answer samples of Antom's hosted-mode card guide, verbatim, against what
 * the engine sends and reads — and every request the engine sends against what the stock SDK's model classes
 * serialise for the same call (the SDK's {@code execute} writes {@code JSON.toJSONString(request,
 * DisableCircularReferenceDetect)}).
 */
class GuideRequestsAndAnswersTest {

    private static final String ANY_ANSWER = "{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\"}}";

    private final ScriptedHttpServer antom = ScriptedHttpServer.http();
    private final AntomPaymentGateway gateway = AntomPaymentGateway.create(antom.antomSettings()
            .notifyUrl("http://www.yourNotifyUrl.com").build());

    @AfterEach
    void stop() {
        antom.close();
    }

    // ---------------------------------------------------------------- requests

    @Test
    void the_guides_pay_call_is_its_request_sample_plus_the_capture_mode_the_engine_always_states() {
        antom.answerSigned(ANY_ANSWER, TestKeys.ANTOM);
        gateway.pay(new PaymentRequest(PaymentRequestId.of("paymentRequestId011"), ReferenceOrderId.of("referenceOrderId01"),
                "antom test order", Money.of("SGD", 4200), org.payengine.domain.order.Buyer.withId("yourBuyerId"), List.of(),
                PaymentOptions.hostedCard("http://www.yourRedirectUrl.com",
                        TerminalEnvironment.of(org.payengine.domain.order.TerminalType.WEB, "114.121.121.01")).build(),
                Instant.now().plus(Duration.ofMinutes(14))));

        JSONObject expected = JSON.parseObject(SignedNotifications.guideSample("pay-request.json"));
        expected.getJSONObject("paymentFactor").put("captureMode", "AUTOMATIC");
        assertEquals(expected, sent());
        assertEquals(sdk(guidesPayRequest()), sent(), "what the SDK's models serialise for the guide's Java sample");
    }

    @Test
    void the_guides_inquiry_is_its_request_sample() {
        antom.answerSigned(ANY_ANSWER, TestKeys.ANTOM);

        gateway.inquirePayment(new PaymentInquiry(PaymentRequestId.of("paymentRequestId01"), null));

        assertEquals(JSON.parseObject(SignedNotifications.guideSample("inquiry-request.json")), sent());
        AlipayPayQueryRequest sdk = new AlipayPayQueryRequest();
        sdk.setPaymentRequestId("paymentRequestId01");
        assertEquals(sdk(sdk), sent());
    }

    @Test
    void a_custom_expiry_has_the_form_of_the_guides_sample() {
        antom.answerSigned(ANY_ANSWER, TestKeys.ANTOM);
        String guides = JSON.parseObject(SignedNotifications.guideSample("pay-expiry-request.json")).getString("paymentExpiryTime");

        gateway.pay(SimulatorFixture.request("4200", SimulatorFixture.hosted().expiresIn(Duration.ofMinutes(9)).build()));

        String sentExpiry = sent().getString("paymentExpiryTime");
        String form = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
        assertTrue(guides.matches(form), guides);
        assertTrue(sentExpiry.matches(form), sentExpiry);
    }

    @Test
    void the_guides_capture_call_is_what_the_sdk_serialises() {
        antom.answerSigned(ANY_ANSWER, TestKeys.ANTOM);

        gateway.capture(new CaptureRequest(CaptureRequestId.of("captureRequestId01"),
                PaymentId.of("2019060811401080010018882020035XXXX"), Money.of("SGD", 4200)));

        AlipayCaptureRequest sdk = new AlipayCaptureRequest();
        sdk.setCaptureAmount(amount("SGD", "4200"));
        sdk.setCaptureRequestId("captureRequestId01");
        sdk.setPaymentId("2019060811401080010018882020035XXXX");
        assertEquals(sdk(sdk), sent());
    }

    @Test
    void cancel_refund_refund_inquiry_and_consult_are_what_the_sdk_serialises() {
        assertSentAsSdk(() -> gateway.cancel(new CancelRequest(PaymentRequestId.of("pr-1"), PaymentId.of("p-1"))), () -> {
            AlipayPayCancelRequest sdk = new AlipayPayCancelRequest();
            sdk.setPaymentId("p-1");
            return sdk;
        });
        assertSentAsSdk(() -> gateway.refund(new RefundRequest(RefundRequestId.of("rf-1"), PaymentId.of("p-1"),
                Money.of("SGD", 100), "damaged")), () -> {
                    AlipayRefundRequest sdk = new AlipayRefundRequest();
                    sdk.setRefundRequestId("rf-1");
                    sdk.setPaymentId("p-1");
                    sdk.setRefundAmount(amount("SGD", "100"));
                    sdk.setRefundReason("damaged");
                    sdk.setRefundNotifyUrl("http://www.yourNotifyUrl.com");
                    return sdk;
                });
        assertSentAsSdk(() -> gateway.inquireRefund(new RefundInquiry(RefundRequestId.of("rf-1"), RefundId.of("R-1"))),
                () -> {
                    AlipayInquiryRefundRequest sdk = new AlipayInquiryRefundRequest();
                    sdk.setRefundId("R-1");
                    return sdk;
                });
        assertSentAsSdk(() -> gateway.consult(new ConsultRequest(Currency.getInstance("SGD"), Money.of("SGD", 4200),
                org.payengine.domain.order.TerminalType.WEB, "SG")), () -> {
                    AlipayPayConsultRequest sdk = new AlipayPayConsultRequest();
                    sdk.setProductCode(ProductCodeType.CASHIER_PAYMENT);
                    sdk.setPaymentAmount(amount("SGD", "4200"));
                    Env env = new Env();
                    env.setTerminalType(TerminalType.WEB);
                    sdk.setEnv(env);
                    sdk.setUserRegion("SG");
                    return sdk;
                });
    }

    @Test
    void the_acknowledgement_is_what_the_guides_notification_handler_answers() {
        AlipayResponse response = new AlipayResponse();
        Result result = new Result();
        result.setResultCode("SUCCESS");
        result.setResultMessage("success");
        result.setResultStatus(ResultStatusType.S);
        response.setResult(result);

        assertEquals(JSON.parseObject(JSON.toJSONString(response)), JSON.parseObject(AntomNotificationDecoder.ACKNOWLEDGEMENT));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void the_guides_pay_answer_is_a_payment_with_its_card_results() {
        antom.answerSigned(SignedNotifications.guideSample("pay-response.json"), TestKeys.ANTOM);

        PaymentSucceeded paid = assertInstanceOf(PaymentSucceeded.class, SimulatorFixture.completed(
                gateway.pay(SimulatorFixture.request("4200", SimulatorFixture.hosted().build()))));

        assertEquals(PaymentId.of("20211112194010800100188570271832381"), paid.paymentId());
        assertEquals(Money.of("SGD", 4200), paid.amount());
        assertEquals(new CardFacts(null, null, null, null, null, null, "A", "Y", null, "sampleNetworkTransactionId123456"),
                paid.card());
    }

    @Test
    void the_guides_capture_answer_has_no_result_so_its_outcome_is_unknown_and_the_same_capture_may_be_resent() {
        antom.answerSigned(SignedNotifications.guideSample("capture-response.json"), TestKeys.ANTOM);

        GatewayOutcome.Unknown<?> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, gateway.capture(
                new CaptureRequest(CaptureRequestId.of("captureRequestId01"), PaymentId.of("2019060811401080010018882020035XXXX"),
                        Money.of("SGD", 4200))));

        assertTrue(unknown.sameRequestMayBeResent(), unknown.toString());
    }

    @Test
    void the_guides_inquiry_answers_are_read_through_the_gateway() {
        for (String sample : List.of("inquiry-payment-3ds.json", "inquiry-payment-non-3ds.json")) {
            antom.answerSigned(SignedNotifications.guideSample(sample), TestKeys.ANTOM);

            List<?> facts = SimulatorFixture.completed(gateway.inquirePayment(
                    new PaymentInquiry(PaymentRequestId.of("paymentRequestId01"), null)));

            PaymentSucceeded paid = assertInstanceOf(PaymentSucceeded.class, facts.get(0), sample);
            assertEquals(Instant.parse("2019-06-01T03:31:01Z"), paid.paidAt(), sample);
            assertEquals("Y", paid.card().cvvResultRaw(), sample);
            assertNull(paid.authExpiresAt(), sample);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The body the engine sent, as JSON. */
    private JSONObject sent() {
        List<ScriptedHttpServer.Received> received = antom.received();
        return JSON.parseObject(received.get(received.size() - 1).body());
    }

    private void assertSentAsSdk(Runnable call, Supplier<AlipayRequest<?>> sdk) {
        antom.answerSigned(ANY_ANSWER, TestKeys.ANTOM);
        call.run();
        assertEquals(sdk(sdk.get()), sent(), sdk.get().getClass().getSimpleName());
    }

    /** What the SDK's {@code execute} puts on the wire for this request. */
    private static JSONObject sdk(AlipayRequest<?> request) {
        return JSON.parseObject(JSON.toJSONString(request, SerializerFeature.DisableCircularReferenceDetect));
    }

    /** The guide's Java sample of a pay call, with the SDK's models (2.0.45 names {@code setIsAuthorization}). */
    private static AlipayPayRequest guidesPayRequest() {
        AlipayPayRequest pay = new AlipayPayRequest();
        pay.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        pay.setPaymentRequestId("paymentRequestId011");
        Amount amount = amount("SGD", "4200");
        pay.setPaymentAmount(amount);
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CARD");
        pay.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setIsAuthorization(true);
        factor.setCaptureMode("AUTOMATIC");
        pay.setPaymentFactor(factor);
        Order order = new Order();
        order.setReferenceOrderId("referenceOrderId01");
        order.setOrderDescription("antom test order");
        Buyer buyer = new Buyer();
        buyer.setReferenceBuyerId("yourBuyerId");
        order.setBuyer(buyer);
        order.setOrderAmount(amount);
        pay.setOrder(order);
        Env env = new Env();
        env.setTerminalType(TerminalType.WEB);
        env.setClientIp("114.121.121.01");
        pay.setEnv(env);
        pay.setPaymentNotifyUrl("http://www.yourNotifyUrl.com");
        pay.setPaymentRedirectUrl("http://www.yourRedirectUrl.com");
        return pay;
    }

    private static Amount amount(String currency, String value) {
        Amount amount = new Amount();
        amount.setCurrency(currency);
        amount.setValue(value);
        return amount;
    }
}
