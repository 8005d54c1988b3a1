package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.tools.WebhookTool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.notify.DeliveryAttempt;
import org.payengine.simulator.payments.PaymentView;

/**
 * Notifications are signed over the notify path and resent at 0 s, 2 min, 10 min, 10 min, 1 h, 2 h,
 * 6 h and 15 h until HTTP 200 with exactly the acknowledgement body comes back; at most 8 sends.
 */
class NotificationScheduleTest {

    private AntomSimulator antom;
    private RawClient raw;
    private MerchantEndpoint merchant;

    @BeforeEach
    void start() {
        merchant = new MerchantEndpoint();
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterEach
    void stop() {
        antom.stop();
        merchant.close();
    }

    /** A manual-capture payment the buyer pays: exactly one PAYMENT_RESULT notification. */
    private String paidPayment(String id) {
        var body = Requests.pay(id, "4200", "MANUAL").put("paymentNotifyUrl", merchant.url());
        String paymentId = raw.call("pay", body).path("paymentId").asText();
        antom.completePayment(paymentId, "4054695723100768", false);
        antom.awaitIdle(Duration.ofSeconds(10));
        return paymentId;
    }

    private List<DeliveryAttempt> attempts(String paymentId) {
        return antom.payment(paymentId).orElseThrow().notifications().get(0).attempts();
    }

    private static long minutesBetween(DeliveryAttempt first, DeliveryAttempt later) {
        return Duration.between(OffsetDateTime.parse(first.at()), OffsetDateTime.parse(later.at())).toMinutes();
    }

    @Test
    void an_acknowledged_notification_is_sent_once_and_verifies_with_the_sdk() throws Exception {
        String paymentId = paidPayment("n-ack");
        antom.advanceClock(Duration.ofDays(2));
        assertEquals(1, merchant.received().size());
        PaymentView.NotificationView notification = antom.payment(paymentId).orElseThrow().notifications().get(0);
        assertEquals("ACKNOWLEDGED", notification.state());
        MerchantEndpoint.Received received = merchant.received().get(0);
        assertEquals("/notify/antom", received.path());
        assertTrue(received.body().contains("\"notifyType\":\"PAYMENT_RESULT\""));
        assertTrue(WebhookTool.checkSignature("/notify/antom", "POST", received.header("client-id"),
                received.header("request-time"), received.header("signature"), received.body(), antom.antomPublicKey()));
        assertTrue(received.header("request-time").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"));
    }

    @Test
    void an_endpoint_that_never_acknowledges_gets_eight_sends_on_antoms_schedule() {
        merchant.answer(n -> MerchantEndpoint.Reply.SERVER_ERROR);
        String paymentId = paidPayment("n-never");
        antom.advanceClock(Duration.ofHours(30));
        List<DeliveryAttempt> attempts = attempts(paymentId);
        assertEquals(8, attempts.size());
        assertEquals(8, merchant.received().size());
        long[] expectedMinutes = {0, 2, 12, 22, 82, 202, 562, 1462};
        for (int i = 0; i < 8; i++) {
            assertEquals(expectedMinutes[i], minutesBetween(attempts.get(0), attempts.get(i)), "send " + (i + 1));
            assertEquals("NOT_ACKNOWLEDGED", attempts.get(i).outcome());
            assertEquals(500, attempts.get(i).httpStatus());
        }
        assertEquals("GAVE_UP", antom.payment(paymentId).orElseThrow().notifications().get(0).state());
        antom.advanceClock(Duration.ofDays(3));
        assertEquals(8, merchant.received().size(), "no ninth send");
    }

    @Test
    void a_200_with_the_wrong_body_is_not_an_acknowledgement() {
        merchant.answer(n -> n < 3 ? MerchantEndpoint.Reply.WRONG_BODY : MerchantEndpoint.Reply.ACKNOWLEDGE);
        String paymentId = paidPayment("n-wrong");
        antom.advanceClock(Duration.ofDays(2));
        assertEquals(3, merchant.received().size(), "resent after each wrong body, stopped on the acknowledgement");
        assertEquals(List.of("NOT_ACKNOWLEDGED", "NOT_ACKNOWLEDGED", "ACKNOWLEDGED"),
                attempts(paymentId).stream().map(DeliveryAttempt::outcome).toList());
    }

    @Test
    void the_acknowledgement_body_with_another_status_is_not_an_acknowledgement() {
        merchant.answer(n -> n == 1 ? new MerchantEndpoint.Reply(202, MerchantEndpoint.ACK) : MerchantEndpoint.Reply.ACKNOWLEDGE);
        String paymentId = paidPayment("n-202");
        antom.advanceClock(Duration.ofMinutes(2));
        assertEquals(2, merchant.received().size());
        assertEquals("ACKNOWLEDGED", antom.payment(paymentId).orElseThrow().notifications().get(0).state());
    }

    @Test
    void an_unreachable_endpoint_is_retried_too() {
        var body = Requests.pay("n-down", "4200", "MANUAL").put("paymentNotifyUrl", "http://127.0.0.1:9/notify");
        String paymentId = raw.call("pay", body).path("paymentId").asText();
        antom.completePayment(paymentId, "4054695723100768", false);
        antom.advanceClock(Duration.ofMinutes(13));
        List<DeliveryAttempt> attempts = attempts(paymentId);
        assertEquals(3, attempts.size());
        assertEquals("FAILED", attempts.get(0).outcome());
    }

    @Test
    void the_schedule_runs_on_the_scaled_clock_without_advancing() {
        antom.stop();
        antom = AntomSimulator.builder().timeScale(600).build().start();
        raw = new RawClient(antom);
        merchant.answer(n -> n == 1 ? MerchantEndpoint.Reply.SERVER_ERROR : MerchantEndpoint.Reply.ACKNOWLEDGE);
        String paymentId = paidPayment("n-scaled");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (merchant.received().size() < 2 && System.nanoTime() < deadline) {
            antom.awaitIdle(Duration.ofMillis(100));
        }
        assertEquals(2, merchant.received().size(), "the 2-minute retry came after about 0.2 s of real time");
        assertEquals("ACKNOWLEDGED", antom.payment(paymentId).orElseThrow().notifications().get(0).state());
    }
}
