package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payengine.application.testing.FakePaymentGateway.Operation;

/** {@code GET /v1/orders} and {@code GET /v1/payments}: newest first, filtered, a page at a time by an opaque cursor. */
class ListingsTest {

    private TestEngine engine;
    private EngineClient client;

    @BeforeEach
    void start() {
        engine = new TestEngine();
        client = engine.client;
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void orders_are_listed_newest_first_in_full_a_page_at_a_time_until_next_is_null() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            engine.createOrder("list-" + i);
            created.add(0, "list-" + i);
            engine.clock.advance(Duration.ofMinutes(1));
        }
        engine.startPayment("list-5", "AUTOMATIC");

        List<String> walked = new ArrayList<>();
        List<JsonNode> pages = pages("/v1/orders?limit=2", "orders");

        pages.forEach(page -> page.path("orders").forEach(order -> walked.add(order.path("referenceOrderId").asText())));
        assertEquals(created, walked);
        assertEquals(List.of(2, 2, 1), pages.stream().map(page -> page.path("orders").size()).toList());
        assertTrue(pages.get(2).has("next") && pages.get(2).path("next").isNull(), "the last page says so");
        JsonNode newest = pages.get(0).path("orders").get(0);
        assertEquals(1, newest.path("payments").size(), "each order in full, as GET /v1/orders/{id} has it");
        assertEquals("4200", newest.path("amount").path("value").asText());
    }

    @Test
    void orders_are_filtered_by_status_and_creation_time() {
        engine.paidOrder("filter-paid-1", "AUTOMATIC");
        engine.clock.advance(Duration.ofHours(1));
        engine.createOrder("filter-open-1");
        engine.clock.advance(Duration.ofHours(1));
        engine.paidOrder("filter-paid-2", "MANUAL");

        assertEquals(List.of("filter-paid-1"), ids(client.get("/v1/orders?status=PAID"), "orders"));
        assertEquals(List.of("filter-paid-2", "filter-open-1"),
                ids(client.get("/v1/orders?status=OPEN,AUTHORIZED"), "orders"));
        assertEquals(List.of("filter-paid-2", "filter-open-1"),
                ids(client.get("/v1/orders?status=OPEN&status=AUTHORIZED"), "orders"));
        assertEquals(List.of("filter-open-1"), ids(client.get("/v1/orders?createdFrom="
                + encode("2025-03-01T11:00:00Z") + "&createdTo=" + encode("2025-03-01T20:00:00+08:00")), "orders"));
        assertEquals(3, ids(client.get("/v1/orders?createdFrom=2025-03-01"), "orders").size(), "a date is its start");
    }

    @Test
    void payments_are_listed_by_status_what_an_operator_looks_for() {
        engine.createOrder("ops-1");
        engine.antom.loseNextAnswer(Operation.PAY);
        String unknown = engine.startPayment("ops-1", "AUTOMATIC");
        engine.clock.advance(Duration.ofMinutes(1));
        String paid = engine.paidOrder("ops-2", "MANUAL");
        engine.clock.advance(Duration.ofMinutes(1));
        engine.createOrder("ops-3");
        String pending = engine.startPayment("ops-3", "AUTOMATIC");

        EngineClient.Answer unknowns = client.get("/v1/payments?status=UNKNOWN");
        EngineClient.Answer all = client.get("/v1/payments");

        assertEquals(200, unknowns.status(), unknowns::toString);
        assertEquals(List.of(unknown), paymentIds(unknowns));
        assertEquals("UNKNOWN", unknowns.json().path("payments").get(0).path("status").asText());
        assertEquals("ops-1", unknowns.json().path("payments").get(0).path("referenceOrderId").asText());
        assertEquals(List.of(pending, paid, unknown), paymentIds(all));
        assertEquals(List.of(paid), paymentIds(client.get("/v1/payments?status=AUTHORIZED")));
        assertEquals(List.of(), paymentIds(client.get("/v1/payments?needsReview=true")));
        List<String> walked = new ArrayList<>();
        pages("/v1/payments?limit=1", "payments").forEach(page -> page.path("payments")
                .forEach(payment -> walked.add(payment.path("paymentRequestId").asText())));
        assertEquals(List.of(pending, paid, unknown), walked);
    }

    @Test
    void each_parameter_is_checked_and_a_refusal_names_it() {
        assertRefused("/v1/orders?limit=0", 422, "INVALID_VALUE", "limit");
        assertRefused("/v1/orders?limit=101", 422, "INVALID_VALUE", "limit");
        assertRefused("/v1/orders?limit=ten", 422, "INVALID_VALUE", "limit");
        assertRefused("/v1/orders?status=SHIPPED", 422, "INVALID_VALUE", "status");
        assertRefused("/v1/payments?status=PAID", 422, "INVALID_VALUE", "status");
        assertRefused("/v1/orders?createdFrom=yesterday", 422, "INVALID_VALUE", "createdFrom");
        assertRefused("/v1/orders?createdFrom=2025-03-02&createdTo=2025-03-01", 422, "INVALID_VALUE", "createdTo");
        assertRefused("/v1/orders?after=not-a-cursor", 422, "INVALID_VALUE", "after");
        assertRefused("/v1/payments?needsReview=yes", 422, "INVALID_VALUE", "needsReview");
        assertRefused("/v1/orders?limit=1&limit=2", 422, "INVALID_VALUE", "limit");
        assertRefused("/v1/orders?stauts=PAID", 400, "UNKNOWN_PARAMETER", "stauts");
        assertRefused("/v1/orders?needsReview=true", 400, "UNKNOWN_PARAMETER", "needsReview");
    }

    @Test
    void a_cursor_of_one_listing_is_refused_by_the_other() {
        engine.createOrder("cursor-1");
        engine.createOrder("cursor-2");
        String orderCursor = client.get("/v1/orders?limit=1").json().path("next").asText();

        assertRefused("/v1/payments?after=" + encode(orderCursor), 422, "INVALID_VALUE", "after");
    }

    @Test
    void listings_need_the_api_key() {
        EngineClient.Answer answer = client.send(client.request("/v1/orders").GET());

        assertEquals(401, answer.status(), answer::toString);
    }

    private void assertRefused(String path, int status, String code, String field) {
        EngineClient.Answer answer = client.get(path);
        assertEquals(status, answer.status(), () -> path + ": " + answer);
        assertEquals(code, answer.errorCode(), path);
        assertEquals(field, answer.errorField(), path);
        assertTrue(answer.json().path("error").path("message").asText().startsWith(field + ":"), answer::toString);
    }

    /** Every page from the first, following {@code next} until it is null. */
    private List<JsonNode> pages(String first, String items) {
        List<JsonNode> pages = new ArrayList<>();
        String path = first;
        while (true) {
            EngineClient.Answer answer = client.get(path);
            assertEquals(200, answer.status(), answer::toString);
            JsonNode page = answer.json();
            assertTrue(page.path(items).isArray());
            pages.add(page);
            if (page.path("next").isNull()) {
                return pages;
            }
            path = first + "&after=" + encode(page.path("next").asText());
        }
    }

    private static List<String> ids(EngineClient.Answer answer, String items) {
        assertEquals(200, answer.status(), answer::toString);
        List<String> ids = new ArrayList<>();
        answer.json().path(items).forEach(item -> ids.add(item.path("referenceOrderId").asText()));
        return ids;
    }

    private static List<String> paymentIds(EngineClient.Answer answer) {
        assertEquals(200, answer.status(), answer::toString);
        List<String> ids = new ArrayList<>();
        answer.json().path("payments").forEach(item -> ids.add(item.path("paymentRequestId").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
