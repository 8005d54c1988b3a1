package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payengine.simulator.payments.CardEntry;
import org.payengine.simulator.payments.CheckoutRefused;
import org.payengine.simulator.payments.PaymentView;
import org.payengine.simulator.payments.TestCard;
import org.payengine.simulator.payments.TestCards;

/** Every test card, paid through the control path, ends as the README's table says. */
class TestCardsTest {

    /** Card number → {final paymentStatus, paymentResultCode} after the buyer paid and a minute passed. */
    private static final Map<String, String[]> EXPECTED = Map.ofEntries(
            Map.entry("9490220011669217", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4294097400915107", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4006055482525268", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4600729331819383", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4310377720003234", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4054695723100768", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("5162774114974622", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4054692760174822", new String[] {"FAIL", "DO_NOT_HONOR"}),
            Map.entry("5162770472561357", new String[] {"FAIL", "DO_NOT_HONOR"}),
            Map.entry("4035501000000008", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4000020000000018", new String[] {"FAIL", "USER_BALANCE_NOT_ENOUGH"}),
            Map.entry("4000020000000026", new String[] {"FAIL", "CARD_EXPIRED"}),
            Map.entry("4000020000000034", new String[] {"FAIL", "USER_PAYMENT_VERIFICATION_FAILED"}),
            Map.entry("4000020000000042", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4000020000000059", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4000020000000067", new String[] {"FAIL", "PROCESS_FAIL"}),
            Map.entry("4000020000000075", new String[] {"PROCESSING", "PAYMENT_IN_PROCESS"}),
            Map.entry("4000020000000083", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4000020000000091", new String[] {"SUCCESS", "SUCCESS"}),
            Map.entry("4000020000000109", new String[] {"SUCCESS", "SUCCESS"}));

    private static AntomSimulator antom;
    private static RawClient raw;

    @BeforeAll
    static void start() {
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterAll
    static void stop() {
        antom.stop();
    }

    static Stream<TestCard> cards() {
        return TestCards.ALL.stream();
    }

    private static String newPayment(String id, String captureMode) {
        return raw.call("pay", Requests.pay(id, "4200", captureMode)).path("paymentId").asText();
    }

    @Test
    void every_card_in_the_table_has_an_expectation() {
        assertEquals(EXPECTED.keySet(), TestCards.ALL.stream().map(TestCard::number).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("cards")
    void each_test_card_ends_as_documented(TestCard card) {
        String paymentId = newPayment("card-" + Integer.toHexString(card.number().hashCode()), "MANUAL");
        antom.completePayment(paymentId, card.number(), false);
        antom.advanceClock(Duration.ofSeconds(61));
        JsonNode inquiry = raw.call("inquiryPayment", Requests.byPaymentId(paymentId));
        String[] expected = EXPECTED.get(card.number());
        assertEquals(expected[0], inquiry.path("paymentStatus").asText(), card.description());
        assertEquals(expected[1], inquiry.path("paymentResultCode").asText(), card.description());
        if (!"PROCESSING".equals(expected[0]) && !"FAIL".equals(expected[0])) {
            assertEquals(TestCards.mask(card.number()), inquiry.path("paymentResultInfo").path("cardNo").asText());
            assertEquals(card.brand(), inquiry.path("cardInfo").path("cardBrand").asText());
        }
        assertTrue(!inquiry.toString().contains(card.number()), "the full card number never comes back");
    }

    @Test
    void the_avs_mismatch_card_succeeds_with_avs_result_n() {
        String paymentId = newPayment("card-avs", "MANUAL");
        PaymentView view = antom.completePayment(paymentId, "4000020000000042", false);
        assertEquals("N", view.avsResultRaw());
        assertEquals("Y", antom.completePayment(newPayment("card-avs-ok", "MANUAL"), "4054695723100768", false).avsResultRaw());
    }

    @Test
    void the_frictionless_card_carries_a_3ds_result_without_a_challenge() {
        String paymentId = newPayment("card-frictionless", "MANUAL");
        PaymentView view = antom.completePayment(paymentId, "4035501000000008", false);
        assertEquals("05", view.threeDSEci());
        JsonNode threeDS = raw.call("inquiryPayment", Requests.byPaymentId(paymentId)).path("paymentResultInfo").path("threeDSResult");
        assertEquals("2.2.0", threeDS.path("threeDSVersion").asText());
        assertNotNull(threeDS.get("cavv"));
    }

    @Test
    void processing_cards_stay_processing_until_the_issuer_answers() {
        String paymentId = newPayment("card-slow", "MANUAL");
        assertEquals("PROCESSING", antom.completePayment(paymentId, "4000020000000059", false).paymentStatus());
        antom.advanceClock(Duration.ofSeconds(30));
        assertEquals("PROCESSING", antom.payment(paymentId).orElseThrow().paymentStatus());
        antom.advanceClock(Duration.ofSeconds(31));
        assertEquals("SUCCESS", antom.payment(paymentId).orElseThrow().paymentStatus());
    }

    @Test
    void the_result_that_stays_unknown_survives_the_expiry() {
        String paymentId = newPayment("card-unknown", "MANUAL");
        antom.completePayment(paymentId, "4000020000000075", false);
        antom.advanceClock(Duration.ofDays(2));
        assertEquals("PROCESSING", antom.payment(paymentId).orElseThrow().paymentStatus());
        assertTrue(antom.payment(paymentId).orElseThrow().notifications().isEmpty());
    }

    @Test
    void requested_3ds_challenges_and_passes_with_the_control_path() {
        ObjectNode body = Requests.pay("card-3ds", "4200", "MANUAL");
        ((ObjectNode) body.get("paymentMethod")).putObject("paymentMethodMetaData").put("is3DSAuthentication", true);
        String paymentId = raw.call("pay", body).path("paymentId").asText();
        PaymentView view = antom.completePayment(paymentId, "4054695723100768", false);
        assertEquals("SUCCESS", view.paymentStatus());
        assertEquals("05", view.threeDSEci());
    }

    @Test
    void antoms_invalid_data_values_fail_the_payment() {
        String month = newPayment("card-month-13", "MANUAL");
        antom.completePayment(month, new CardEntry("4054695723100768", "13", "30", "123", "A B", false, false, null));
        assertEquals("INVALID_EXPIRATION_DATE", antom.payment(month).orElseThrow().paymentResultCode());
        String cvc = newPayment("card-cvc-99", "MANUAL");
        antom.completePayment(cvc, new CardEntry("4054695723100768", "12", "30", "99", "A B", false, false, null));
        assertEquals("INVALID_CVV", antom.payment(cvc).orElseThrow().paymentResultCode());
    }

    @Test
    void a_number_failing_the_luhn_check_is_refused_and_the_buyer_may_retry() {
        String paymentId = newPayment("card-typo", "MANUAL");
        CheckoutRefused refused = assertThrows(CheckoutRefused.class,
                () -> antom.completePayment(paymentId, "4054695723100769", false));
        assertTrue(!refused.paymentClosed());
        assertEquals("SUCCESS", antom.completePayment(paymentId, "4054695723100768", false).paymentStatus());
    }

    @Test
    void any_other_valid_number_is_approved() {
        String paymentId = newPayment("card-other", "MANUAL");
        PaymentView view = antom.completePayment(paymentId, "5555555555554444", false);
        assertEquals("SUCCESS", view.paymentStatus());
        assertEquals("MASTERCARD", view.cardBrand());
    }

    @Test
    void saving_the_card_issues_a_token_and_not_saving_issues_none() {
        assertNotNull(antom.completePayment(newPayment("card-save", "MANUAL"), "4054695723100768", true).cardToken());
        assertNull(antom.completePayment(newPayment("card-nosave", "MANUAL"), "4054695723100768", false).cardToken());
    }

    @Test
    void the_risk_amount_is_declined_at_pay() {
        JsonNode pay = raw.call("pay", Requests.pay("card-risk", "11", "AUTOMATIC"));
        assertEquals("RISK_REJECT", pay.path("result").path("resultCode").asText());
        assertEquals("F", pay.path("result").path("resultStatus").asText());
        JsonNode inquiry = raw.call("inquiryPayment", RawClient.JSON.createObjectNode().put("paymentRequestId", "card-risk"));
        assertEquals("FAIL", inquiry.path("paymentStatus").asText());
        assertEquals("RISK_REJECT", inquiry.path("paymentResultCode").asText());
    }
}
