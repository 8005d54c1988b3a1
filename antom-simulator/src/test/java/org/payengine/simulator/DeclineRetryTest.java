package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.payments.PaymentView;

/**
 * The simulator option for what Antom's documentation leaves open: with buyers retrying after a decline, a declined
 * buyer stays on the hosted page to try another card, and the payment's {@code F} notification comes only when it
 * closes at its expiry ("if the payment is not completed, you need to wait for Antom to close the order before
 * sending the asynchronous notification").
 */
class DeclineRetryTest {

    private static final String DECLINED = "4054692760174822";
    private static final String GOOD = "4054695723100768";

    private static MerchantEndpoint merchant;
    private static AntomSimulator antom;
    private static RawClient raw;

    @BeforeAll
    static void start() throws Exception {
        merchant = new MerchantEndpoint();
        antom = AntomSimulator.builder().buyerRetriesAfterDecline(true).defaultNotifyUrl(merchant.url()).build().start();
        raw = new RawClient(antom);
    }

    @AfterAll
    static void stop() {
        antom.stop();
        merchant.close();
    }

    private static JsonNode pay(String id) {
        return raw.call("pay", Requests.pay(id, "4200", "AUTOMATIC"));
    }

    private static String cardForm(String number) {
        return "cardNumber=" + number + "&expiryMonth=12&expiryYear=30&cvv=123&holderName=Test+Buyer";
    }

    private static long notified(String paymentId) {
        antom.awaitIdle(Duration.ofSeconds(10));
        return merchant.received().stream()
                .filter(n -> n.body().contains("PAYMENT_RESULT") && n.body().contains(paymentId)).count();
    }

    @Test
    void a_declined_buyer_tries_another_card_on_the_page_and_only_the_success_is_notified() {
        JsonNode pay = pay("retry-1");
        String url = pay.path("normalUrl").asText();
        String paymentId = pay.path("paymentId").asText();

        HttpResponse<String> declined = raw.postForm(url, cardForm(DECLINED));

        assertEquals(200, declined.statusCode(), "the page stays: no redirect to the merchant yet");
        assertTrue(declined.body().contains("declined (DO_NOT_HONOR)"), declined.body());
        PaymentView open = antom.payment(paymentId).orElseThrow();
        assertEquals("PROCESSING", open.paymentStatus());
        assertEquals("DO_NOT_HONOR", open.lastDeclineCode());
        assertEquals(0, notified(paymentId), "no notification while the buyer may still pay");

        HttpResponse<String> paid = raw.postForm(url, cardForm(GOOD));

        assertEquals(303, paid.statusCode());
        assertEquals("SUCCESS", antom.payment(paymentId).orElseThrow().paymentStatus());
        assertEquals(1, notified(paymentId));
    }

    @Test
    void a_declined_buyer_who_gives_up_is_notified_of_the_failure_when_the_payment_closes() {
        String paymentId = pay("retry-2").path("paymentId").asText();

        PaymentView afterDecline = antom.completePayment(paymentId, DECLINED, false);

        assertEquals("PROCESSING", afterDecline.paymentStatus());
        assertEquals(0, notified(paymentId));
        antom.advanceClock(Duration.ofMinutes(15));
        PaymentView closed = antom.payment(paymentId).orElseThrow();
        assertEquals("FAIL", closed.paymentStatus());
        assertEquals("DO_NOT_HONOR", closed.paymentResultCode(), "the last decline's code");
        assertEquals(1, notified(paymentId));
    }
}
