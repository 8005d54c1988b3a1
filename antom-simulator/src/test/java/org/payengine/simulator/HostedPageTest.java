package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.payments.PaymentView;

/** The hosted card page driven with plain HTTP GETs and form POSTs, as a browser would. */
class HostedPageTest {

    private static final String CARD = "4054695723100768";
    private static final String RETURN = "https://merchant.example/return";
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

    private static JsonNode pay(ObjectNode body) {
        JsonNode answer = raw.call("pay", body);
        assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText(), answer.toString());
        return answer;
    }

    private static String cardForm(String number, String extra) {
        return "cardNumber=" + number + "&expiryMonth=12&expiryYear=30&cvv=123&holderName=Test+Buyer" + extra;
    }

    private static PaymentView view(JsonNode pay) {
        return antom.payment(pay.path("paymentId").asText()).orElseThrow();
    }

    @Test
    void the_card_form_has_its_documented_elements() {
        JsonNode pay = pay(Requests.pay("page-1", "4200", "AUTOMATIC"));
        HttpResponse<String> page = raw.get(pay.path("normalUrl").asText());
        assertEquals(200, page.statusCode());
        for (String id : new String[] {"cardNumber", "expiryMonth", "expiryYear", "cvv", "holderName", "saveCard", "pay", "amount"}) {
            assertTrue(page.body().contains("id=\"" + id + "\""), id);
        }
        assertTrue(page.body().contains("SGD 42.00"));
    }

    @Test
    void paying_redirects_to_the_merchant_and_saving_the_card_issues_a_token() {
        JsonNode pay = pay(Requests.pay("page-2", "4200", "MANUAL"));
        HttpResponse<String> submitted = raw.postForm(pay.path("normalUrl").asText(), cardForm(CARD, "&saveCard=true"));
        assertEquals(303, submitted.statusCode());
        assertEquals(RETURN, submitted.headers().firstValue("Location").orElseThrow());
        PaymentView view = view(pay);
        assertEquals("SUCCESS", view.paymentStatus());
        assertNotNull(view.cardToken());
        HttpResponse<String> after = raw.get(pay.path("normalUrl").asText());
        assertTrue(after.body().contains("data-status=\"SUCCESS\""), after.body());
        assertFalse(after.body().contains(CARD), "the page never echoes the card number");
    }

    @Test
    void a_requested_3ds_challenge_is_a_second_step() {
        ObjectNode body = Requests.pay("page-3", "4200", "MANUAL");
        ((ObjectNode) body.get("paymentMethod")).putObject("paymentMethodMetaData").put("is3DSAuthentication", "true");
        JsonNode pay = pay(body);
        String url = pay.path("normalUrl").asText();
        HttpResponse<String> submitted = raw.postForm(url, cardForm(CARD, ""));
        assertEquals(303, submitted.statusCode());
        assertEquals("/checkout/" + pay.path("paymentId").asText() + "/challenge", submitted.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> challenge = raw.get(url + "/challenge");
        assertTrue(challenge.body().contains("id=\"challengeCode\"") && challenge.body().contains("id=\"challengeSubmit\""));
        assertEquals("PROCESSING", view(pay).paymentStatus());
        HttpResponse<String> answered = raw.postForm(url + "/challenge", "challengeCode=1234");
        assertEquals(RETURN, answered.headers().firstValue("Location").orElseThrow());
        assertEquals("SUCCESS", view(pay).paymentStatus());
        assertEquals("05", view(pay).threeDSEci());
    }

    @Test
    void a_wrong_challenge_code_fails_the_payment() {
        ObjectNode body = Requests.pay("page-4", "4200", "MANUAL");
        JsonNode pay = pay(body);
        String url = pay.path("normalUrl").asText();
        raw.postForm(url, cardForm("4000020000000109", ""));
        raw.postForm(url + "/challenge", "challengeCode=0000");
        assertEquals("USER_PAYMENT_VERIFICATION_FAILED", view(pay).paymentResultCode());
    }

    @Test
    void input_mistakes_show_an_error_and_keep_the_payment_open() {
        JsonNode pay = pay(Requests.pay("page-5", "4200", "MANUAL"));
        String url = pay.path("normalUrl").asText();
        HttpResponse<String> typo = raw.postForm(url, cardForm("4054695723100769", ""));
        assertEquals(200, typo.statusCode());
        assertTrue(typo.body().contains("id=\"error\""), typo.body());
        assertFalse(typo.body().contains("4054695723100769"));
        assertEquals("PROCESSING", view(pay).paymentStatus());
        assertEquals(303, raw.postForm(url, cardForm(CARD, "")).statusCode());
    }

    @Test
    void a_token_payment_offers_the_saved_card() {
        String token = antom.completePayment(pay(Requests.pay("page-6a", "4200", "AUTOMATIC")).path("paymentId").asText(), CARD, true)
                .cardToken();
        ObjectNode body = Requests.pay("page-6", "4200", "AUTOMATIC");
        ObjectNode method = (ObjectNode) body.get("paymentMethod");
        method.put("paymentMethodId", token);
        method.putObject("paymentMethodMetaData").put("isCardOnFile", true);
        JsonNode pay = pay(body);
        HttpResponse<String> page = raw.get(pay.path("normalUrl").asText());
        assertTrue(page.body().contains("id=\"useSavedCard\"") && page.body().contains("id=\"useNewCard\""));
        assertTrue(page.body().contains("0768"));
        assertEquals(303, raw.postForm(pay.path("normalUrl").asText(), "savedCard=saved&cvv=123").statusCode());
        assertEquals("405469******0768", view(pay).maskedCardNumber());
    }

    @Test
    void korean_issuer_authentication_offers_card_companies_then_authenticates() {
        ObjectNode body = Requests.pay("page-7", "50000", "AUTOMATIC");
        ((ObjectNode) body.get("paymentAmount")).put("currency", "KRW");
        ((ObjectNode) body.get("order").get("orderAmount")).put("currency", "KRW");
        ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", true);
        JsonNode pay = pay(body);
        String url = pay.path("normalUrl").asText();
        HttpResponse<String> page = raw.get(url);
        assertTrue(page.body().contains("id=\"cardBrand\"") && page.body().contains("SAMSUNG"));
        assertTrue(page.body().contains("KRW 50000"));
        assertEquals(303, raw.postForm(url, "cardBrand=SAMSUNG").statusCode());
        assertTrue(raw.get(url + "/challenge").body().contains("Card company authentication"));
        raw.postForm(url + "/challenge", "challengeCode=1234");
        PaymentView view = view(pay);
        assertEquals("SUCCESS", view.paymentStatus());
        assertEquals("SAMSUNG", view.cardBrand());
        assertEquals("SUCCESS", view.captureStatus(), "automatic capture only");
    }

    @Test
    void a_wallet_payment_gets_a_one_button_page_and_no_card_facts() {
        ObjectNode body = Requests.pay("page-wallet", "1314", "AUTOMATIC");
        ((ObjectNode) body.get("paymentMethod")).put("paymentMethodType", "ALIPAY_CN");
        JsonNode pay = pay(body);
        HttpResponse<String> page = raw.get(pay.path("normalUrl").asText());
        assertTrue(page.body().contains("id=\"paymentMethodType\"") && page.body().contains("ALIPAY_CN"));
        assertFalse(page.body().contains("id=\"cardNumber\""));
        assertEquals(303, raw.postForm(pay.path("normalUrl").asText(), "").statusCode());
        JsonNode inquiry = raw.call("inquiryPayment", Requests.byPaymentId(pay.path("paymentId").asText()));
        assertEquals("SUCCESS", inquiry.path("paymentStatus").asText());
        assertFalse(inquiry.has("cardInfo"));
    }

    @Test
    void the_control_path_pays_a_korean_payment_with_the_chosen_company() {
        ObjectNode body = Requests.pay("page-kr-control", "50000", "AUTOMATIC");
        ((ObjectNode) body.get("paymentAmount")).put("currency", "KRW");
        ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", true)
                .putObject("paymentMethodMetaData").put("selectedCardBrand", "KOOKMIN");
        JsonNode pay = pay(body);
        HttpResponse<String> page = raw.get(pay.path("normalUrl").asText());
        assertTrue(page.body().contains("<option value=\"KOOKMIN\" selected>"), "the merchant's choice is preselected");
        PaymentView view = antom.completePayment(pay.path("paymentId").asText(),
                new org.payengine.simulator.payments.CardEntry(null, null, null, null, null, false, false, null));
        assertEquals("SUCCESS", view.paymentStatus());
        assertEquals("KOOKMIN", view.cardBrand());
    }

    @Test
    void korean_card_companies_go_by_antoms_codes_not_by_their_nicknames() {
        for (String code : new String[] {"KEBHANA", "NONGHYUP", "KAKAOBANK", "TOSSBANK"}) {
            ObjectNode body = Requests.pay("page-kr-" + code, "50000", "AUTOMATIC");
            ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", true)
                    .putObject("paymentMethodMetaData").put("selectedCardBrand", code);
            assertEquals("PAYMENT_IN_PROCESS", pay(body).path("result").path("resultCode").asText(), code);
        }
        for (String nickname : new String[] {"KB", "HANA", "NH"}) {
            ObjectNode body = Requests.pay("page-kr-" + nickname, "50000", "AUTOMATIC");
            ((ObjectNode) body.get("paymentMethod")).put("requireIssuerAuthentication", true)
                    .putObject("paymentMethodMetaData").put("selectedCardBrand", nickname);
            assertEquals("PARAM_ILLEGAL", raw.call("pay", body).path("result").path("resultCode").asText(), nickname);
        }
    }

    @Test
    void an_expired_payment_cannot_be_paid_on_the_page() {
        JsonNode pay = pay(Requests.pay("page-8", "4200", "AUTOMATIC"));
        antom.advanceClock(Duration.ofMinutes(15));
        String url = pay.path("normalUrl").asText();
        assertTrue(raw.get(url).body().contains("This payment has expired."));
        HttpResponse<String> late = raw.postForm(url, cardForm(CARD, ""));
        assertEquals(200, late.statusCode());
        assertTrue(late.body().contains("data-status=\"FAIL\""));
    }

    @Test
    void an_unknown_payment_is_not_found() {
        assertEquals(404, raw.get(antom.baseUrl() + "/checkout/nope").statusCode());
    }

    @Test
    void the_logos_consult_points_to_are_served() {
        HttpResponse<String> logo = raw.get(antom.baseUrl() + "/static/logos/VISA.svg");
        assertEquals(200, logo.statusCode());
        assertTrue(logo.body().startsWith("<svg"));
    }
}
