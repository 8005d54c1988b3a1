package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.AlipayClient;
import com.alipay.global.api.DefaultAlipayClient;
import com.alipay.global.api.exception.AlipayApiException;
import com.alipay.global.api.model.ams.TransactionType;
import com.alipay.global.api.request.ams.pay.AlipayCaptureRequest;
import com.alipay.global.api.request.ams.pay.AlipayInquiryRefundRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayCancelRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayConsultRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import com.alipay.global.api.request.ams.pay.AlipayRefundRequest;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.response.ams.pay.AlipayCaptureResponse;
import com.alipay.global.api.response.ams.pay.AlipayInquiryRefundResponse;
import com.alipay.global.api.response.ams.pay.AlipayPayCancelResponse;
import com.alipay.global.api.response.ams.pay.AlipayPayConsultResponse;
import com.alipay.global.api.response.ams.pay.AlipayPayQueryResponse;
import com.alipay.global.api.response.ams.pay.AlipayPayResponse;
import com.alipay.global.api.response.ams.pay.AlipayRefundResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.crypto.PemKeys;
import org.payengine.simulator.crypto.SimulatorKeys;

/**
 * The official SDK's stock {@code DefaultAlipayClient}, over HTTPS, as the client of every API:
 * it accepts each answer with its signature verified. A client holding the wrong Antom public key
 * is refused, which shows the verification really runs.
 */
class SdkConformanceTest {

    private static AntomSimulator antom;
    private static AlipayClient client;

    @BeforeAll
    static void start() {
        Sdk.init();
        antom = AntomSimulator.builder().tls(true).build().start();
        client = Sdk.client(antom);
    }

    @AfterAll
    static void stop() {
        antom.stop();
    }

    @Test
    void pay_answers_payment_in_process_with_the_hosted_page() throws Exception {
        AlipayPayResponse pay = client.execute(Sdk.pay("sdk-pay-1", "4200", false));
        assertEquals("U", pay.getResult().getResultStatus().name());
        assertEquals("PAYMENT_IN_PROCESS", pay.getResult().getResultCode());
        assertTrue(pay.getNormalUrl().startsWith(antom.baseUrl() + "/checkout/"), pay.getNormalUrl());
        assertEquals(35, pay.getPaymentId().length());
        assertNotNull(pay.getPaymentCreateTime());
        assertEquals("4200", pay.getPaymentAmount().getValue());
    }

    @Test
    void manual_capture_flow_inquire_capture_refund_and_inquire_refund() throws Exception {
        AlipayPayResponse pay = client.execute(Sdk.pay("sdk-flow-1", "4200", true));
        antom.completePayment(pay.getPaymentId(), "4054695723100768", true);

        AlipayPayQueryRequest query = new AlipayPayQueryRequest();
        query.setPaymentId(pay.getPaymentId());
        AlipayPayQueryResponse authorized = client.execute(query);
        assertEquals("SUCCESS", authorized.getPaymentStatus().name());
        assertNotNull(authorized.getAuthExpiryTime());
        assertEquals("405469******0768", authorized.getPaymentResultInfo().getCardNo());
        assertNotNull(authorized.getPaymentResultInfo().getCardToken());
        assertEquals("VISA", authorized.getCardInfo().getCardBrand());

        AlipayCaptureRequest capture = new AlipayCaptureRequest();
        capture.setCaptureRequestId("sdk-capture-1");
        capture.setPaymentId(pay.getPaymentId());
        capture.setCaptureAmount(Sdk.amount("SGD", "4200"));
        AlipayCaptureResponse captured = client.execute(capture);
        assertEquals("SUCCESS", captured.getResult().getResultCode());
        assertNotNull(captured.getCaptureId());

        AlipayPayQueryResponse afterCapture = client.execute(query);
        assertEquals(TransactionType.CAPTURE, afterCapture.getTransactions().get(0).getTransactionType());
        assertEquals(captured.getCaptureId(), afterCapture.getTransactions().get(0).getTransactionId());

        AlipayRefundRequest refund = new AlipayRefundRequest();
        refund.setRefundRequestId("sdk-refund-1");
        refund.setPaymentId(pay.getPaymentId());
        refund.setRefundAmount(Sdk.amount("SGD", "1000"));
        AlipayRefundResponse refunded = client.execute(refund);
        assertEquals("SUCCESS", refunded.getResult().getResultCode());

        AlipayInquiryRefundRequest refundQuery = new AlipayInquiryRefundRequest();
        refundQuery.setRefundRequestId("sdk-refund-1");
        AlipayInquiryRefundResponse refundStatus = client.execute(refundQuery);
        assertEquals("SUCCESS", refundStatus.getRefundStatus().name());
        assertEquals(refunded.getRefundId(), refundStatus.getRefundId());
    }

    @Test
    void cancel_closes_an_unpaid_payment() throws Exception {
        AlipayPayResponse pay = client.execute(Sdk.pay("sdk-cancel-1", "500", false));
        AlipayPayCancelRequest cancel = new AlipayPayCancelRequest();
        cancel.setPaymentRequestId("sdk-cancel-1");
        AlipayPayCancelResponse cancelled = client.execute(cancel);
        assertEquals("SUCCESS", cancelled.getResult().getResultCode());
        assertEquals(pay.getPaymentId(), cancelled.getPaymentId());
        assertNotNull(cancelled.getCancelTime());
    }

    @Test
    void consult_offers_cards_with_brand_logos() throws Exception {
        AlipayPayConsultRequest consult = new AlipayPayConsultRequest();
        consult.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        consult.setPaymentAmount(Sdk.amount("SGD", "4200"));
        Env env = new Env();
        env.setTerminalType(TerminalType.WEB);
        consult.setEnv(env);
        AlipayPayConsultResponse options = client.execute(consult);
        assertEquals("SUCCESS", options.getResult().getResultCode());
        assertEquals("CARD", options.getPaymentOptions().get(0).getPaymentMethodType());
        assertFalse(options.getPaymentOptions().get(0).getPaymentOptionDetail().getSupportCardBrands().isEmpty());
        assertTrue(options.getPaymentOptions().get(0).isEnabled());
    }

    @Test
    void errors_are_signed_answers_too() throws Exception {
        AlipayPayQueryRequest query = new AlipayPayQueryRequest();
        query.setPaymentRequestId("never-paid");
        AlipayPayQueryResponse missing = client.execute(query);
        assertEquals("ORDER_NOT_EXIST", missing.getResult().getResultCode());
        assertNull(missing.getPaymentStatus());
    }

    @Test
    void the_certificate_also_passes_the_hostname_check_for_localhost() throws Exception {
        AlipayClient byName = new DefaultAlipayClient(antom.baseUrl().replace("127.0.0.1", "localhost"),
                antom.merchantPrivateKey(), antom.antomPublicKey(), antom.clientId());
        AlipayPayQueryRequest query = new AlipayPayQueryRequest();
        query.setPaymentRequestId("never-paid");
        assertEquals("ORDER_NOT_EXIST", byName.execute(query).getResult().getResultCode());
    }

    @Test
    void a_client_with_the_wrong_antom_key_refuses_every_answer() {
        AlipayClient misconfigured = new DefaultAlipayClient(antom.baseUrl(), antom.merchantPrivateKey(),
                PemKeys.base64(SimulatorKeys.newRsaKeyPair().getPublic()), antom.clientId());
        AlipayPayQueryRequest query = new AlipayPayQueryRequest();
        query.setPaymentRequestId("never-paid");
        AlipayApiException refused = assertThrows(AlipayApiException.class, () -> misconfigured.execute(query));
        assertTrue(refused.getMessage().contains("Response signature verify fail"), refused.getMessage());
    }
}
