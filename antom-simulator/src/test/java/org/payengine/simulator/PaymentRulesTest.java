package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.payments.CheckoutRefused;
import org.payengine.simulator.payments.PaymentView;
import org.payengine.simulator.wire.AntomTime;

/** Expiry, the capture window and amount rules, cancel semantics, refunds and card tokens. */
class PaymentRulesTest {

    private static final String GOOD_CARD = "4054695723100768";
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

    private String pay(String id, String captureMode) {
        JsonNode answer = raw.call("pay", Requests.pay(id, "4200", captureMode));
        assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText(), answer.toString());
        return answer.path("paymentId").asText();
    }

    private String authorized(String id) {
        String paymentId = pay(id, "MANUAL");
        antom.completePayment(paymentId, GOOD_CARD, false);
        return paymentId;
    }

    private String code(JsonNode answer) {
        return answer.path("result").path("resultCode").asText();
    }

    private JsonNode inquire(String paymentId) {
        return raw.call("inquiryPayment", Requests.byPaymentId(paymentId));
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void an_unpaid_payment_closes_after_fourteen_minutes_and_notifies() {
        String paymentId = pay("exp-1", "AUTOMATIC");
        antom.advanceClock(Duration.ofMinutes(13).plusSeconds(59));
        assertEquals("PROCESSING", inquire(paymentId).path("paymentStatus").asText());
        antom.advanceClock(Duration.ofSeconds(1));
        JsonNode closed = inquire(paymentId);
        assertEquals("FAIL", closed.path("paymentStatus").asText());
        assertEquals("ORDER_IS_CLOSED", closed.path("paymentResultCode").asText());
        CheckoutRefused refused = assertThrows(CheckoutRefused.class, () -> antom.completePayment(paymentId, GOOD_CARD, false));
        assertTrue(refused.paymentClosed());
        MerchantEndpoint.Received notification = merchant.received().get(0);
        assertTrue(notification.body().contains("\"resultCode\":\"ORDER_IS_CLOSED\""), notification.body());
    }

    @Test
    void payment_expiry_time_overrides_the_default() {
        ObjectNode body = Requests.pay("exp-2", "4200", "AUTOMATIC");
        body.put("paymentExpiryTime", AntomTime.format(antom.now().plus(Duration.ofMinutes(3))));
        String paymentId = raw.call("pay", body).path("paymentId").asText();
        antom.advanceClock(Duration.ofMinutes(3));
        assertEquals("ORDER_IS_CLOSED", inquire(paymentId).path("paymentResultCode").asText());
    }

    // ---------------------------------------------------------------- capture

    @Test
    void a_manual_authorization_is_captured_in_full_once() {
        String paymentId = authorized("cap-1");
        assertEquals("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", code(raw.call("capture", Requests.capture("c1-a", paymentId, "SGD", "4201"))));
        JsonNode partial = raw.call("capture", Requests.capture("c1-b", paymentId, "SGD", "4199"));
        assertEquals("PARAM_ILLEGAL", code(partial));
        assertTrue(partial.path("result").path("resultMessage").asText().startsWith("captureAmount.value"));
        assertEquals("CURRENCY_NOT_SUPPORT", code(raw.call("capture", Requests.capture("c1-c", paymentId, "USD", "4200"))));
        JsonNode captured = raw.call("capture", Requests.capture("c1-d", paymentId, "SGD", "4200"));
        assertEquals("SUCCESS", code(captured));
        assertEquals("MULTI_CAPTURE_NOT_SUPPORTED", code(raw.call("capture", Requests.capture("c1-e", paymentId, "SGD", "4200"))));
        antom.awaitIdle(Duration.ofSeconds(10));
        assertTrue(merchant.received().stream().anyMatch(n -> n.body().contains("\"notifyType\":\"CAPTURE_RESULT\"")
                && n.body().contains(captured.path("captureId").asText())));
    }

    @Test
    void capture_works_until_the_seventh_day_and_then_the_authorization_is_released() {
        String inWindow = authorized("cap-2");
        String late = authorized("cap-3");
        antom.advanceClock(Duration.ofDays(7).minusSeconds(5));
        assertEquals("SUCCESS", code(raw.call("capture", Requests.capture("c2", inWindow, "SGD", "4200"))));
        antom.advanceClock(Duration.ofSeconds(5));
        assertEquals("ORDER_IS_CLOSED", code(raw.call("capture", Requests.capture("c3", late, "SGD", "4200"))));
        assertEquals("CANCELLED", inquire(late).path("paymentStatus").asText());
        assertEquals("SUCCESS", inquire(inWindow).path("paymentStatus").asText());
    }

    @Test
    void capture_needs_an_authorized_manual_payment() {
        String unpaid = pay("cap-4", "MANUAL");
        assertEquals("ORDER_STATUS_INVALID", code(raw.call("capture", Requests.capture("c4", unpaid, "SGD", "4200"))));
        String automatic = pay("cap-5", "AUTOMATIC");
        antom.completePayment(automatic, GOOD_CARD, false);
        assertEquals("ORDER_STATUS_INVALID", code(raw.call("capture", Requests.capture("c5", automatic, "SGD", "4200"))));
        assertEquals("ORDER_NOT_EXIST", code(raw.call("capture", Requests.capture("c6", "nope", "SGD", "4200"))));
    }

    @Test
    void automatic_capture_follows_authorization_with_its_own_capture_result() {
        String paymentId = pay("cap-7", "AUTOMATIC");
        PaymentView view = antom.completePayment(paymentId, GOOD_CARD, false);
        assertEquals("SUCCESS", view.captureStatus());
        assertTrue(view.captures().get(0).automatic());
        antom.awaitIdle(Duration.ofSeconds(10));
        assertEquals(java.util.List.of("PAYMENT_RESULT", "CAPTURE_RESULT"),
                antom.payment(paymentId).orElseThrow().notifications().stream().map(PaymentView.NotificationView::notifyType).toList());
        JsonNode transaction = inquire(paymentId).path("transactions").get(0);
        assertEquals("CAPTURE", transaction.path("transactionType").asText());
        assertEquals(view.captures().get(0).captureRequestId(), transaction.path("transactionRequestId").asText());
    }

    @Test
    void a_slow_capture_answers_in_process_then_notifies() {
        String paymentId = pay("cap-8", "MANUAL");
        antom.completePayment(paymentId, "4000020000000083", false);
        JsonNode capture = raw.call("capture", Requests.capture("c8", paymentId, "SGD", "4200"));
        assertEquals("CAPTURE_IN_PROCESS", code(capture));
        assertEquals("U", capture.path("result").path("resultStatus").asText());
        JsonNode processing = inquire(paymentId).path("transactions").get(0);
        assertEquals("PROCESSING", processing.path("transactionStatus").asText());
        assertEquals("PAYMENT_IN_PROCESS", processing.path("transactionResult").path("resultCode").asText(),
                "as the hosted-mode guide's sample of a capture in processing shows it");
        assertEquals("U", processing.path("transactionResult").path("resultStatus").asText());
        antom.advanceClock(Duration.ofSeconds(60));
        assertEquals("SUCCESS", code(raw.call("capture", Requests.capture("c8", paymentId, "SGD", "4200"))));
        assertEquals("SUCCESS", inquire(paymentId).path("transactions").get(0).path("transactionStatus").asText());
    }

    @Test
    void a_failing_capture_answers_in_process_then_fails_and_may_be_retried() {
        String paymentId = pay("cap-9", "MANUAL");
        antom.completePayment(paymentId, "4000020000000091", false);
        assertEquals("CAPTURE_IN_PROCESS", code(raw.call("capture", Requests.capture("c9", paymentId, "SGD", "4200"))));
        antom.advanceClock(Duration.ofSeconds(60));
        JsonNode failed = inquire(paymentId).path("transactions").get(0);
        assertEquals("FAIL", failed.path("transactionStatus").asText());
        assertEquals("PROCESS_FAIL", failed.path("transactionResult").path("resultCode").asText());
        assertEquals("CAPTURE_IN_PROCESS", code(raw.call("capture", Requests.capture("c9-again", paymentId, "SGD", "4200"))));
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancel_closes_an_unpaid_payment_so_the_buyer_cannot_pay_and_sends_nothing() {
        String paymentId = pay("can-1", "AUTOMATIC");
        JsonNode cancelled = raw.call("cancel", Requests.byPaymentId(paymentId));
        assertEquals("SUCCESS", code(cancelled));
        assertEquals("CANCELLED", inquire(paymentId).path("paymentStatus").asText());
        assertThrows(CheckoutRefused.class, () -> antom.completePayment(paymentId, GOOD_CARD, false));
        assertEquals(cancelled.path("cancelTime"), raw.call("cancel", Requests.byPaymentId(paymentId)).path("cancelTime"),
                "a repeated cancel answers the same");
        antom.advanceClock(Duration.ofHours(1));
        assertTrue(merchant.received().isEmpty());
    }

    @Test
    void cancel_voids_an_uncaptured_authorization() {
        String paymentId = authorized("can-2");
        assertEquals("SUCCESS", code(raw.call("cancel", Requests.byPaymentId(paymentId))));
        JsonNode inquiry = inquire(paymentId);
        assertEquals("CANCELLED", inquiry.path("paymentStatus").asText());
        assertEquals("CANCEL", inquiry.path("transactions").get(0).path("transactionType").asText());
        assertEquals("ORDER_IS_CANCELED", code(raw.call("capture", Requests.capture("c-can-2", paymentId, "SGD", "4200"))));
    }

    @Test
    void a_captured_payment_is_refunded_not_cancelled() {
        String captured = pay("can-3", "AUTOMATIC");
        antom.completePayment(captured, GOOD_CARD, false);
        assertEquals("CANCEL_WINDOW_EXCEED", code(raw.call("cancel", Requests.byPaymentId(captured))));
        raw.call("refund", Requests.refund("r-can-3", captured, "100"));
        assertEquals("ORDER_STATUS_INVALID", code(raw.call("cancel", Requests.byPaymentId(captured))));
        String declined = pay("can-4", "AUTOMATIC");
        antom.completePayment(declined, "4054692760174822", false);
        assertEquals("ORDER_IS_CLOSED", code(raw.call("cancel", Requests.byPaymentId(declined))));
        assertEquals("ORDER_NOT_EXIST", code(raw.call("cancel", Requests.byPaymentId("nope"))));
    }

    // ---------------------------------------------------------------- refund

    @Test
    void refunds_are_partial_multiple_and_never_more_than_captured() {
        String paymentId = pay("ref-1", "AUTOMATIC");
        antom.completePayment(paymentId, GOOD_CARD, false);
        JsonNode first = raw.call("refund", Requests.refund("r1", paymentId, "2000"));
        assertEquals("SUCCESS", code(first));
        assertEquals("SUCCESS", code(raw.call("refund", Requests.refund("r2", paymentId, "2000"))));
        assertEquals("REFUND_AMOUNT_EXCEED", code(raw.call("refund", Requests.refund("r3", paymentId, "201"))));
        assertEquals("SUCCESS", code(raw.call("refund", Requests.refund("r4", paymentId, "200"))));
        ObjectNode dollars = Requests.refund("r5", paymentId, "1");
        ((ObjectNode) dollars.get("refundAmount")).put("currency", "USD");
        assertEquals("CURRENCY_NOT_SUPPORT", code(raw.call("refund", dollars)));
        JsonNode inquiry = inquire(paymentId);
        assertEquals("SUCCESS", inquiry.path("paymentStatus").asText(), "a refunded payment stays SUCCESS");
        assertEquals(4, inquiry.path("transactions").size(), "one capture and three refunds");
        JsonNode byId = raw.call("inquiryRefund", RawClient.JSON.createObjectNode().put("refundId", first.path("refundId").asText()));
        assertEquals("SUCCESS", byId.path("refundStatus").asText());
        assertEquals("2000", byId.path("refundAmount").path("value").asText());
        antom.awaitIdle(Duration.ofSeconds(10));
        assertEquals(3, merchant.received().stream().filter(n -> n.body().contains("REFUND_RESULT")).count());
    }

    @Test
    void a_refund_without_its_own_notify_url_is_notified_at_the_dashboards_url_without_a_payment_id() throws Exception {
        try (MerchantEndpoint paymentsOnly = new MerchantEndpoint()) {
            ObjectNode body = Requests.pay("ref-dashboard", "4200", "AUTOMATIC");
            body.put("paymentNotifyUrl", paymentsOnly.url());
            String paymentId = raw.call("pay", body).path("paymentId").asText();
            antom.completePayment(paymentId, GOOD_CARD, false);
            assertEquals("SUCCESS", code(raw.call("refund", Requests.refund("r-dashboard", paymentId, "100"))));
            antom.awaitIdle(Duration.ofSeconds(10));

            assertTrue(paymentsOnly.received().stream().noneMatch(n -> n.body().contains("REFUND_RESULT")),
                    "the payment's notify URL is for the payment's notifications");
            JsonNode refunded = merchant.received().stream().filter(n -> n.body().contains("r-dashboard"))
                    .map(n -> org.payengine.simulator.wire.Json.parseOrNull(n.body())).findFirst().orElseThrow(() -> new AssertionError(
                            "the Dashboard's URL got no REFUND_RESULT"));
            assertEquals("REFUND_RESULT", refunded.path("notifyType").asText());
            assertFalse(refunded.has("paymentId"), "the SDK's AlipayRefundNotify has no paymentId: " + refunded);
        }
    }

    @Test
    void an_uncaptured_payment_cannot_be_refunded() {
        String paymentId = authorized("ref-2");
        assertEquals("ORDER_STATUS_INVALID", code(raw.call("refund", Requests.refund("r6", paymentId, "100"))));
        assertEquals("ORDER_NOT_EXIST", code(raw.call("inquiryRefund", RawClient.JSON.createObjectNode().put("refundRequestId", "r6"))));
    }

    @Test
    void an_asynchronous_refund_answers_in_process_then_succeeds() {
        String paymentId = pay("ref-3", "AUTOMATIC");
        antom.completePayment(paymentId, GOOD_CARD, false);
        ObjectNode body = Requests.refund("r7", paymentId, "100").put("isAsyncRefund", true);
        assertEquals("REFUND_IN_PROCESS", code(raw.call("refund", body)));
        ObjectNode query = RawClient.JSON.createObjectNode().put("refundRequestId", "r7");
        assertEquals("PROCESSING", raw.call("inquiryRefund", query).path("refundStatus").asText());
        antom.advanceClock(Duration.ofSeconds(60));
        assertEquals("SUCCESS", raw.call("inquiryRefund", query).path("refundStatus").asText());
    }

    @Test
    void refunds_close_after_a_year() {
        String paymentId = pay("ref-4", "AUTOMATIC");
        antom.completePayment(paymentId, GOOD_CARD, false);
        antom.advanceClock(Duration.ofDays(365));
        assertEquals("REFUND_WINDOW_EXCEED", code(raw.call("refund", Requests.refund("r8", paymentId, "100"))));
    }

    // ---------------------------------------------------------------- card tokens

    private String savedToken() {
        return antom.completePayment(pay("tok-first-" + System.nanoTime(), "AUTOMATIC"), GOOD_CARD, true).cardToken();
    }

    @Test
    void a_merchant_initiated_payment_with_a_token_completes_at_once() {
        ObjectNode body = Requests.pay("tok-mit", "4200", "AUTOMATIC");
        ObjectNode method = (ObjectNode) body.get("paymentMethod");
        method.put("paymentMethodId", savedToken());
        method.putObject("paymentMethodMetaData").put("isCardOnFile", true).put("recurringType", "UNSCHEDULED");
        JsonNode answer = raw.call("pay", body);
        assertEquals("SUCCESS", code(answer));
        assertFalse(answer.has("normalUrl"));
        assertEquals("405469******0768", answer.path("paymentResultInfo").path("cardNo").asText());
        assertTrue(answer.has("paymentTime"));
    }

    @Test
    void a_buyer_present_payment_with_a_stored_card_is_card_on_file_too_and_goes_through_the_hosted_page() {
        ObjectNode body = Requests.pay("tok-cit", "4200", "AUTOMATIC");
        ObjectNode method = (ObjectNode) body.get("paymentMethod");
        method.put("paymentMethodId", savedToken());
        method.putObject("paymentMethodMetaData").put("isCardOnFile", true);
        JsonNode answer = raw.call("pay", body);
        assertEquals("PAYMENT_IN_PROCESS", code(answer));
        PaymentView paid = antom.completePayment(answer.path("paymentId").asText(),
                new org.payengine.simulator.payments.CardEntry(null, null, null, null, null, false, true, null));
        assertEquals("SUCCESS", paid.paymentStatus());
        assertEquals("405469******0768", paid.maskedCardNumber());
    }

    @Test
    void a_stored_card_payment_that_does_not_say_card_on_file_is_refused() {
        ObjectNode body = Requests.pay("tok-not-on-file", "4200", "AUTOMATIC");
        ((ObjectNode) body.get("paymentMethod")).put("paymentMethodId", savedToken());
        JsonNode answer = raw.call("pay", body);
        assertEquals("PARAM_ILLEGAL", code(answer));
        assertTrue(answer.path("result").path("resultMessage").asText()
                .startsWith("paymentMethod.paymentMethodMetaData.isCardOnFile"), answer.toString());
    }

    @Test
    void an_unknown_token_is_refused() {
        ObjectNode body = Requests.pay("tok-unknown", "4200", "AUTOMATIC");
        ((ObjectNode) body.get("paymentMethod")).put("paymentMethodId", "ALIPAYNOTATOKEN");
        ((ObjectNode) body.get("paymentMethod")).putObject("paymentMethodMetaData").put("isCardOnFile", true);
        JsonNode answer = raw.call("pay", body);
        assertEquals("PARAM_ILLEGAL", code(answer));
        assertTrue(answer.path("result").path("resultMessage").asText().startsWith("paymentMethod.paymentMethodId"));
    }

    @Test
    void korean_issuer_authentication_requires_automatic_capture() {
        ObjectNode body = Requests.pay("kr-manual", "4200", "MANUAL");
        ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", true);
        JsonNode answer = raw.call("pay", body);
        assertEquals("PARAM_ILLEGAL", code(answer));
        assertTrue(answer.path("result").path("resultMessage").asText().startsWith("paymentFactor.captureMode"));
    }
}
