package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.adapters.http.demo.DemoShop;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.CaptureMode;

/**
 * The demo shop's flows at the HTTP level (a real browser runs them against the simulator elsewhere): checkout
 * to Antom's hosted page, a result page that believes the engine and not the redirect, paying again after a
 * failure, capturing from the orders page, and an orders page that lists every order the engine stores.
 */
class DemoPagesTest {

    private static TestEngine engine;
    private static EngineClient client;
    private static String origin;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
        client = engine.client;
        origin = engine.server.localUrl().toString();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void the_shop_page_has_the_documented_element_ids() {
        EngineClient.Answer shop = client.send(client.request("/demo").GET());

        assertEquals(200, shop.status());
        assertTrue(shop.header("Content-Type").startsWith("text/html"));
        for (String id : List.of("item", "amount", "currency", "captureMode", "threeDS", "saveCard", "pay", "orders-link")) {
            assertTrue(shop.body().contains("id=\"" + id + "\""), id);
        }
        assertFalse(shop.body().contains("https://cdn"), "no external resources");
    }

    @Test
    void checkout_creates_the_order_and_its_attempt_and_sends_the_browser_to_antoms_hosted_page() {
        EngineClient.Answer checkout = checkout("amount=12.50&currency=SGD&captureMode=MANUAL&threeDS=on");

        assertEquals(303, checkout.status(), checkout::toString);
        assertTrue(checkout.header("Location").startsWith("https://fake-antom.test/checkout/"), checkout.header("Location"));
        PaymentRequest sent = lastPayRequest();
        assertEquals(Money.of("SGD", 1250), sent.amount());
        assertEquals(CaptureMode.MANUAL, sent.options().captureMode());
        assertEquals(Boolean.TRUE, sent.options().threeDS());
        assertEquals("http://shop.test:8080/demo/result?order=" + sent.referenceOrderId(), sent.options().redirectUrl(),
                "Antom sends the buyer back to the result page under the public base URL");
        assertEquals("demo-buyer", sent.buyer().id().value());
    }

    @Test
    void the_result_page_shows_what_the_engine_learns_from_antom_not_what_the_redirect_claims() {
        checkout("amount=42.00&currency=SGD&captureMode=AUTOMATIC");
        PaymentRequest sent = lastPayRequest();
        String order = sent.referenceOrderId().value();

        EngineClient.Answer beforePaying = resultPage("/demo/result?order=" + order + "&result=SUCCESS&status=PAID");
        int inquiriesAfterLanding = engine.antom.requests(PaymentInquiry.class).size();
        EngineClient.Answer polled = client.send(client.request("/demo/orders/" + order + "/outcome").GET());
        engine.antom.buyerPays(sent.paymentRequestId());
        EngineClient.Answer polledAfterPaying = client.send(client.request("/demo/orders/" + order + "/outcome").GET());
        int inquiriesAfterPolling = engine.antom.requests(PaymentInquiry.class).size();
        engine.clock.advance(BuyerLooks.DEFAULT.gap()); // the buyer opens the result page again a while later
        EngineClient.Answer afterPaying = resultPage("/demo/result?order=" + order);

        assertEquals("PROCESSING", statusOf(beforePaying), beforePaying.body());
        assertTrue(beforePaying.body().contains("/outcome"), "the page polls the engine");
        assertEquals("PROCESSING", polled.json().path("outcome").asText());
        assertEquals("PROCESSING", polledAfterPaying.json().path("outcome").asText(),
                "a poll reads what the engine stores; it does not ask Antom");
        assertEquals(inquiriesAfterLanding, inquiriesAfterPolling, "no inquiry of Antom per poll");
        assertEquals("SUCCEEDED", statusOf(afterPaying), afterPaying.body());
        assertTrue(afterPaying.body().contains("Payment received"), afterPaying.body());
        assertEquals("PAID", client.get("/v1/orders/" + order).json().path("status").asText(),
                "the result page made the engine ask Antom");
    }

    @Test
    void a_failed_payment_offers_to_try_again_as_a_new_attempt_of_the_same_order() {
        checkout("amount=42.00&currency=SGD&captureMode=AUTOMATIC");
        PaymentRequest first = lastPayRequest();
        String order = first.referenceOrderId().value();
        engine.antom.buyerIsDeclined(first.paymentRequestId(), "DO_NOT_HONOR");

        EngineClient.Answer failed = resultPage("/demo/result?order=" + order);
        EngineClient.Answer retried = post("/demo/orders/" + order + "/retry", "");

        assertEquals("FAILED", statusOf(failed), failed.body());
        assertTrue(failed.body().contains("id=\"try-again\""));
        assertTrue(failed.body().contains("Your bank declined this payment. Try another card"), failed.body());
        assertFalse(failed.body().contains("DO_NOT_HONOR"), "no result codes for a buyer");
        assertFalse(failed.body().contains(">" + order + "<"), "no internal ids for a buyer");
        assertTrue(failed.body().contains("id=\"back-to-shop\""), "a way back to the shop");
        assertEquals(303, retried.status(), retried::toString);
        assertTrue(retried.header("Location").startsWith("https://fake-antom.test/checkout/"));
        PaymentRequest second = lastPayRequest();
        assertEquals(first.referenceOrderId(), second.referenceOrderId(), "the same order");
        assertNotEquals(first.paymentRequestId(), second.paymentRequestId(), "a new payment request id");
        assertEquals(2, client.get("/v1/orders/" + order).json().path("payments").size());
    }

    @Test
    void trying_again_on_a_paid_order_pays_nothing_twice_and_shows_the_result() {
        checkout("amount=42.00&currency=SGD&captureMode=AUTOMATIC");
        PaymentRequest sent = lastPayRequest();
        String order = sent.referenceOrderId().value();
        engine.antom.buyerPays(sent.paymentRequestId());
        resultPage("/demo/result?order=" + order);
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        EngineClient.Answer retried = post("/demo/orders/" + order + "/retry", "");

        assertEquals(303, retried.status());
        assertTrue(retried.header("Location").startsWith("/demo/result?order="), retried.header("Location"));
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size());
    }

    @Test
    void a_manual_capture_order_is_captured_from_the_orders_page() {
        checkout("amount=42.00&currency=SGD&captureMode=MANUAL");
        PaymentRequest sent = lastPayRequest();
        String order = sent.referenceOrderId().value();
        String payment = sent.paymentRequestId().value();
        engine.antom.buyerPays(sent.paymentRequestId());
        assertEquals("SUCCEEDED", statusOf(resultPage("/demo/result?order=" + order)));

        EngineClient.Answer before = client.send(client.request("/demo/orders").GET());
        EngineClient.Answer captured = post("/demo/payments/" + payment + "/capture", "");
        EngineClient.Answer after = client.send(client.request(captured.header("Location")).GET());

        assertTrue(before.body().contains("id=\"order-" + order + "\""));
        assertTrue(before.body().contains("id=\"capture-" + payment + "\""), "a capture button");
        assertTrue(before.body().contains("id=\"cancel-" + payment + "\""), "a cancel button");
        assertTrue(before.body().contains("id=\"audit-" + order + "\""), "the audit trail");
        assertEquals(303, captured.status(), captured::toString);
        assertTrue(URLDecoder.decode(captured.header("Location"), StandardCharsets.UTF_8).contains("SUCCEEDED"));
        assertTrue(after.body().contains("id=\"notice\""));
        assertTrue(after.body().contains("id=\"status-" + payment + "\">CAPTURED<"), after.body());
        assertTrue(after.body().contains("id=\"order-status-" + order + "\">PAID<"), after.body());
        assertFalse(after.body().contains("id=\"capture-" + payment + "\""), "nothing left to capture");
    }

    @Test
    void a_manual_capture_order_is_cancelled_from_the_orders_page() {
        checkout("amount=42.00&currency=SGD&captureMode=MANUAL");
        PaymentRequest sent = lastPayRequest();
        engine.antom.buyerPays(sent.paymentRequestId());
        resultPage("/demo/result?order=" + sent.referenceOrderId());

        EngineClient.Answer cancelled = post("/demo/payments/" + sent.paymentRequestId() + "/cancel", "");

        assertEquals(303, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", client.get("/v1/payments/" + sent.paymentRequestId()).json().path("status").asText());
    }

    @Test
    void the_orders_page_lists_every_stored_order_newest_first_a_page_at_a_time() {
        try (TestEngine fresh = new TestEngine()) {
            int stored = DemoShop.ORDERS_PER_PAGE + 5;
            List<String> newestFirst = new ArrayList<>();
            for (int i = 1; i <= stored; i++) {
                String order = "api-order-" + i; // created through the merchant API, not by the demo shop
                assertEquals(201, fresh.createOrder(order).status());
                newestFirst.add(0, order);
                fresh.clock.advance(Duration.ofSeconds(1));
            }
            String paying = fresh.startPayment("api-order-" + stored, "MANUAL");

            EngineClient.Answer newest = fresh.client.send(fresh.client.request("/demo/orders").GET());
            String olderLink = link(newest, "older-orders");
            EngineClient.Answer older = fresh.client.send(fresh.client.request(olderLink).GET());

            assertEquals(200, newest.status(), newest::toString);
            assertEquals(newestFirst.subList(0, DemoShop.ORDERS_PER_PAGE), summaryIds(newest));
            assertTrue(newest.body().contains("id=\"order-api-order-" + stored + "\""), "each order in full");
            assertTrue(newest.body().contains("id=\"status-" + paying + "\">PENDING<"), newest.body());
            assertTrue(newest.body().contains("<td><span class=\"pill PENDING\">PENDING</span></td>"),
                    "the latest payment's status in the list");
            assertFalse(newest.body().contains("id=\"newest-orders\""));
            assertEquals(200, older.status(), older::toString);
            assertEquals(newestFirst.subList(DemoShop.ORDERS_PER_PAGE, stored), summaryIds(older));
            assertFalse(older.body().contains("id=\"older-orders\""), "the last page");
            assertEquals("/demo/orders", link(older, "newest-orders"));
        }
    }

    @Test
    void an_orders_page_after_a_cursor_that_is_none_is_refused() {
        EngineClient.Answer refused = client.send(client.request("/demo/orders?after=not-a-cursor").GET());

        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.body().contains("cursor"), refused.body());
    }

    @Test
    void a_saved_card_is_offered_and_paid_with() {
        checkout("amount=42.00&currency=SGD&captureMode=AUTOMATIC&saveCard=on");
        PaymentRequest saving = lastPayRequest();
        assertTrue(saving.options().saveCard());
        engine.antom.buyerPays(saving.paymentRequestId());
        resultPage("/demo/result?order=" + saving.referenceOrderId());
        StoredCard saved = engine.cardTokens.findByBuyer(ReferenceBuyerId.of("demo-buyer")).get(0);

        EngineClient.Answer shop = client.send(client.request("/demo").GET());
        checkout("amount=10.00&currency=SGD&captureMode=AUTOMATIC&useSavedCard=" + saved.token());

        assertTrue(shop.body().contains("id=\"useSavedCard\""), shop.body());
        assertEquals(saved.token(), lastPayRequest().options().cardToken());
    }

    @Test
    void an_amount_that_is_not_money_is_refused_on_the_shop_page_and_nothing_is_paid() {
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        EngineClient.Answer refused = checkout("amount=12.345&currency=SGD&captureMode=AUTOMATIC");

        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.body().contains("id=\"notice\""));
        assertTrue(refused.body().contains("id=\"pay\""), "the shop again");
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size());
    }

    @Test
    void an_item_holding_a_card_number_is_refused_on_the_shop_page_without_repeating_it() {
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        EngineClient.Answer refused = post("/demo/checkout",
                "item=card+4054+6957+2310+0768&amount=12.00&currency=SGD&captureMode=AUTOMATIC");

        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.body().contains("Please check the item"), refused::toString);
        assertFalse(org.payengine.domain.CardNumbers.foundIn(refused.body()), refused::toString);
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size());
    }

    @Test
    void a_form_posted_from_another_site_is_refused() {
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();

        EngineClient.Answer refused = client.send(client.request("/demo/checkout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString("amount=42.00&currency=SGD")));

        assertEquals(403, refused.status(), refused::toString);
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size());
    }

    @Test
    void the_demo_pages_do_not_exist_when_disabled() {
        try (TestEngine plain = new TestEngine(settings -> settings.withDemoPages(false), TestEngine.newMetrics(), g -> g)) {
            assertEquals(404, plain.client.send(plain.client.request("/demo").GET()).status());
            assertEquals(404, plain.client.send(plain.client.request("/demo/checkout")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("amount=42.00"))).status());
        }
    }

    private static EngineClient.Answer checkout(String form) {
        return post("/demo/checkout", "item=T-shirt&" + form);
    }

    private static EngineClient.Answer post(String path, String form) {
        return client.send(client.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static EngineClient.Answer resultPage(String pathAndQuery) {
        EngineClient.Answer page = client.send(client.request(pathAndQuery).GET());
        assertEquals(200, page.status(), page::toString);
        return page;
    }

    private static String statusOf(EngineClient.Answer page) {
        Matcher status = Pattern.compile("id=\"result-status\"[^>]*data-status=\"([A-Z_]+)\"").matcher(page.body());
        return status.find() ? status.group(1) : null;
    }

    private static List<String> summaryIds(EngineClient.Answer page) {
        Matcher summary = Pattern.compile("id=\"summary-([^\"]+)\"").matcher(page.body());
        List<String> ids = new ArrayList<>();
        while (summary.find()) {
            ids.add(summary.group(1));
        }
        return ids;
    }

    private static String link(EngineClient.Answer page, String id) {
        Matcher link = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page.body());
        assertTrue(link.find(), () -> "no link #" + id + " in " + page.body());
        return link.group(1).replace("&amp;", "&");
    }

    private static PaymentRequest lastPayRequest() {
        List<PaymentRequest> requests = engine.antom.requests(PaymentRequest.class);
        return requests.get(requests.size() - 1);
    }
}
