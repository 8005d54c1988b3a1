package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.AlipayClient;
import com.alipay.global.api.exception.AlipayApiException;
import com.alipay.global.api.tools.SignatureTool;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;

/** Each injected fault does what the README says, to the next N matching events only. */
class FaultsTest {

    private static final String PAY = "/ams/sandbox/api/v1/payments/pay";
    private AntomSimulator antom;
    private RawClient raw;
    private MerchantEndpoint merchant;

    @BeforeEach
    void start() {
        merchant = new MerchantEndpoint();
        antom = AntomSimulator.builder().defaultNotifyUrl(merchant.url()).build().start();
        raw = new RawClient(antom);
    }

    @AfterEach
    void stop() {
        antom.stop();
        merchant.close();
    }

    private String payBody(String id) {
        return Requests.pay(id, "4200", "AUTOMATIC").toString();
    }

    private String inquiryCode(String paymentRequestId) {
        return raw.call("inquiryPayment", RawClient.JSON.createObjectNode().put("paymentRequestId", paymentRequestId))
                .path("result").path("resultCode").asText();
    }

    // ---------------------------------------------------------------- API faults

    @Test
    void http_5xx_answers_unsigned_and_does_not_process_by_default() {
        antom.injectFault(Fault.of(FaultKind.HTTP_5XX, 1).withHttpStatus(503));
        RawClient.Answer answer = raw.post(PAY, payBody("f-5xx"));
        assertEquals(503, answer.status());
        assertNull(answer.header("signature"));
        assertEquals("ORDER_NOT_EXIST", inquiryCode("f-5xx"));
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", payBody("f-5xx")).path("result").path("resultCode").asText(),
                "the fault hit one call only");
    }

    @Test
    void http_5xx_may_be_told_to_process() {
        antom.injectFault(Fault.of(FaultKind.HTTP_5XX, 1).withProcess(true));
        assertEquals(500, raw.post(PAY, payBody("f-5xx-done")).status());
        assertEquals("SUCCESS", inquiryCode("f-5xx-done"));
    }

    @Test
    void hang_holds_the_answer_past_the_client_timeout_but_the_call_takes_effect() throws Exception {
        antom.injectFault(Fault.of(FaultKind.HANG, 1).forApi("pay").withHangSeconds(3));
        String requestTime = Long.toString(System.currentTimeMillis());
        String body = payBody("f-hang");
        HttpRequest request = HttpRequest.newBuilder(URI.create(antom.baseUrl() + PAY))
                .timeout(Duration.ofMillis(500))
                .header("Content-Type", "application/json")
                .header("client-id", antom.clientId())
                .header("request-time", requestTime)
                .header("signature", "algorithm=RSA256,keyVersion=1,signature="
                        + SignatureTool.sign("POST", PAY, antom.clientId(), requestTime, body, antom.merchantPrivateKey()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThrows(HttpTimeoutException.class,
                () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals("SUCCESS", inquiryCode("f-hang"), "the payment was created although the answer never came");
    }

    @Test
    void unknown_result_answers_u_signed_and_the_resent_request_finds_the_payment() {
        antom.injectFault(Fault.of(FaultKind.UNKNOWN_RESULT, 1).forApi("pay"));
        JsonNode unknown = raw.call("pay", payBody("f-u"));
        assertEquals("UNKNOWN_EXCEPTION", unknown.path("result").path("resultCode").asText());
        assertEquals("U", unknown.path("result").path("resultStatus").asText());
        JsonNode resent = raw.call("pay", payBody("f-u"));
        assertEquals("PAYMENT_IN_PROCESS", resent.path("result").path("resultCode").asText());
    }

    @Test
    void faults_are_limited_to_their_api_and_count() {
        antom.injectFault(Fault.of(FaultKind.UNKNOWN_RESULT, 2).forApi("inquiryPayment"));
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", payBody("f-count")).path("result").path("resultCode").asText());
        assertEquals("UNKNOWN_EXCEPTION", inquiryCode("f-count"));
        assertEquals(1, antom.armedFaults().get(0).count());
        assertEquals("UNKNOWN_EXCEPTION", inquiryCode("f-count"));
        assertEquals("SUCCESS", inquiryCode("f-count"));
        assertTrue(antom.armedFaults().isEmpty());
    }

    @Test
    void an_omitted_signature_passes_the_stock_sdk_silently_which_is_why_clients_must_check() throws Exception {
        antom.stop();
        antom = AntomSimulator.builder().tls(true).build().start();
        AlipayClient client = Sdk.client(antom);
        antom.injectFault(Fault.of(FaultKind.OMIT_SIGNATURE, 1));
        var response = client.execute(Sdk.pay("f-omit", "4200", false));
        assertEquals("PAYMENT_IN_PROCESS", response.getResult().getResultCode(),
                "SDK 2.0.45 accepts an unsigned answer without verifying it");
    }

    @Test
    void omit_signature_leaves_the_header_out() {
        antom.injectFault(Fault.of(FaultKind.OMIT_SIGNATURE, 1));
        RawClient.Answer answer = raw.post(PAY, payBody("f-omit-raw"));
        assertEquals(200, answer.status());
        assertNull(answer.header("signature"));
        assertEquals("PAYMENT_IN_PROCESS", answer.resultCode());
    }

    @Test
    void a_corrupt_signature_is_refused_by_the_stock_sdk() {
        antom.stop();
        antom = AntomSimulator.builder().tls(true).build().start();
        AlipayClient client = Sdk.client(antom);
        antom.injectFault(Fault.of(FaultKind.CORRUPT_SIGNATURE, 1));
        AlipayApiException refused = assertThrows(AlipayApiException.class, () -> client.execute(Sdk.pay("f-corrupt", "4200", false)));
        assertTrue(refused.getMessage().contains("Response signature verify fail"), refused.getMessage());
    }

    // ---------------------------------------------------------------- notification faults

    private String paidAutomatically(String id) {
        String paymentId = raw.call("pay", payBody(id)).path("paymentId").asText();
        antom.completePayment(paymentId, "4054695723100768", false);
        antom.awaitIdle(Duration.ofSeconds(10));
        return paymentId;
    }

    private List<String> receivedTypes() {
        return merchant.received().stream()
                .map(r -> r.body().contains("CAPTURE_RESULT") ? "CAPTURE_RESULT" : "PAYMENT_RESULT").toList();
    }

    @Test
    void drop_loses_a_send_and_the_retry_delivers_it() {
        antom.injectFault(Fault.of(FaultKind.DROP_NOTIFICATION, 1).forNotifyType("PAYMENT_RESULT"));
        String paymentId = paidAutomatically("f-drop");
        assertEquals(List.of("CAPTURE_RESULT"), receivedTypes());
        antom.advanceClock(Duration.ofMinutes(2));
        assertEquals(List.of("CAPTURE_RESULT", "PAYMENT_RESULT"), receivedTypes());
        var attempts = antom.payment(paymentId).orElseThrow().notifications().get(0).attempts();
        assertEquals("DROPPED", attempts.get(0).outcome());
        assertEquals("ACKNOWLEDGED", attempts.get(1).outcome());
    }

    @Test
    void duplicate_delivers_the_same_notification_twice() {
        antom.injectFault(Fault.of(FaultKind.DUPLICATE_NOTIFICATION, 1).forNotifyType("PAYMENT_RESULT"));
        paidAutomatically("f-dup");
        List<String> payments = merchant.received().stream().map(MerchantEndpoint.Received::body)
                .filter(body -> body.contains("PAYMENT_RESULT")).toList();
        assertEquals(2, payments.size());
        assertEquals(payments.get(0), payments.get(1));
        assertEquals(3, merchant.received().size(), "the capture result was not duplicated");
    }

    @Test
    void delay_holds_a_notification_for_the_given_simulated_time() {
        antom.injectFault(Fault.of(FaultKind.DELAY_NOTIFICATION, 2).withDelaySeconds(300));
        paidAutomatically("f-delay");
        assertTrue(merchant.received().isEmpty());
        antom.advanceClock(Duration.ofSeconds(299));
        assertTrue(merchant.received().isEmpty());
        antom.advanceClock(Duration.ofSeconds(1));
        assertEquals(2, merchant.received().size());
    }

    @Test
    void reorder_lets_the_capture_result_overtake_the_payment_result() {
        antom.injectFault(Fault.of(FaultKind.REORDER_NOTIFICATION, 1).forNotifyType("PAYMENT_RESULT"));
        paidAutomatically("f-reorder");
        assertEquals(List.of("CAPTURE_RESULT", "PAYMENT_RESULT"), receivedTypes());
    }

    @Test
    void a_held_notification_goes_out_anyway_when_nothing_follows() {
        antom.injectFault(Fault.of(FaultKind.REORDER_NOTIFICATION, 1).withDelaySeconds(30));
        String paymentId = raw.call("pay", Requests.pay("f-held", "4200", "MANUAL").toString()).path("paymentId").asText();
        antom.completePayment(paymentId, "4054695723100768", false);
        antom.awaitIdle(Duration.ofSeconds(10));
        assertTrue(merchant.received().isEmpty());
        assertEquals("HELD", antom.payment(paymentId).orElseThrow().notifications().get(0).state());
        antom.advanceClock(Duration.ofSeconds(30));
        assertEquals(1, merchant.received().size());
    }

    @Test
    void faults_are_refused_when_their_options_do_not_fit() {
        assertThrows(IllegalArgumentException.class, () -> Fault.of(FaultKind.HANG, 0));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(FaultKind.HANG, 1).forApi("payNow"));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(FaultKind.DROP_NOTIFICATION, 1).forApi("pay"));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(FaultKind.HTTP_5XX, 1).withHttpStatus(404));
        assertFalse(Fault.of(FaultKind.HTTP_5XX, 1).takesEffect());
        assertTrue(Fault.of(FaultKind.HANG, 1).takesEffect());
    }
}
