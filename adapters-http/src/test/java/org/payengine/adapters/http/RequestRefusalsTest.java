package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.PaymentRequest;

/**
 * Every way a request can be refused before it changes anything, each with its status and the error body
 * {@code {"error":{"code","message","field"?}}} naming the field.
 */
class RequestRefusalsTest {

    private static final String ORDER = """
            {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"}}""";

    private static TestEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
        client = engine.client;
        engine.createOrder("existing-order");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    // ---- 401 --------------------------------------------------------------------------------------

    @Test
    void a_request_without_an_api_key_is_401_and_changes_nothing() {
        EngineClient.Answer answer = client.send(client.request("/v1/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ORDER.formatted("no-key-order"))));

        assertEquals(401, answer.status(), answer::toString);
        assertEquals("UNAUTHORIZED", answer.errorCode());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(404, client.get("/v1/orders/no-key-order").status(), "the order was not created");
    }

    @Test
    void a_wrong_api_key_is_401() {
        for (String authorization : new String[] {"Bearer wrong-key-0123456789", "Bearer " + TestEngine.API_KEY + "x",
                "Basic " + TestEngine.API_KEY, "Bearer", TestEngine.API_KEY}) {
            EngineClient.Answer answer = client.send(client.request("/v1/orders/existing-order")
                    .header("Authorization", authorization).GET());

            assertEquals(401, answer.status(), () -> authorization + " → " + answer);
            assertFalse(answer.body().contains(TestEngine.API_KEY), "a key is never echoed");
        }
    }

    @Test
    void every_merchant_endpoint_needs_the_api_key() {
        String[][] endpoints = {{"POST", "/v1/orders"}, {"GET", "/v1/orders/existing-order"},
                {"POST", "/v1/orders/existing-order/payments"}, {"GET", "/v1/payments/pay-1"},
                {"POST", "/v1/payments/pay-1/capture"}, {"POST", "/v1/payments/pay-1/cancel"},
                {"POST", "/v1/payments/pay-1/sync"}, {"GET", "/v1/payment-methods?currency=SGD"}};
        for (String[] endpoint : endpoints) {
            EngineClient.Answer answer = client.send(client.request(endpoint[1])
                    .method(endpoint[0], HttpRequest.BodyPublishers.noBody()));

            assertEquals(401, answer.status(), () -> String.join(" ", endpoint) + " → " + answer);
        }
    }

    // ---- 400, 413, 415 --------------------------------------------------------------------------

    @Test
    void malformed_json_is_400() {
        for (String body : new String[] {"{\"referenceOrderId\":", "not json", "{} {}", "[1,2]",
                "{\"referenceOrderId\":\"a\",\"referenceOrderId\":\"b\"}", ""}) {
            EngineClient.Answer answer = client.post("/v1/orders", body);

            assertEquals(400, answer.status(), () -> body + " → " + answer);
            assertEquals("MALFORMED_JSON", answer.errorCode());
        }
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        EngineClient.Answer form = client.send(client.authorized("/v1/orders")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("referenceOrderId=x")));
        EngineClient.Answer latin1 = client.send(client.authorized("/v1/orders")
                .header("Content-Type", "application/json; charset=iso-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(ORDER.formatted("latin-1"))));
        EngineClient.Answer untyped = client.send(client.authorized("/v1/payments/pay-1/capture")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(415, form.status(), form::toString);
        assertEquals("UNSUPPORTED_MEDIA_TYPE", form.errorCode());
        assertEquals(415, latin1.status(), latin1::toString);
        assertEquals(415, untyped.status(), untyped::toString);
    }

    @Test
    void json_with_a_charset_or_a_json_suffix_is_accepted() {
        EngineClient.Answer answer = client.send(client.authorized("/v1/orders")
                .header("Content-Type", "application/vnd.payengine+json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(ORDER.formatted("suffix-json"))));

        assertEquals(201, answer.status(), answer::toString);
    }

    @Test
    void a_body_over_64_kib_is_413_whether_its_length_is_announced_or_not() {
        String padded = "{\"referenceOrderId\":\"big\",\"padding\":\"" + "x".repeat(64 * 1024) + "\"}";
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);

        EngineClient.Answer announced = client.post("/v1/orders", padded);
        EngineClient.Answer chunked = client.send(client.authorized("/v1/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));

        assertEquals(413, announced.status(), announced::toString);
        assertEquals("BODY_TOO_LARGE", announced.errorCode());
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals(404, client.get("/v1/orders/big").status());
    }

    @Test
    void a_body_of_exactly_64_kib_is_read() {
        String start = "{\"referenceOrderId\":\"exactly-64k\",\"amount\":{\"currency\":\"SGD\",\"value\":\"100\"},\"p\":\"";
        String end = "\"}";
        String body = start + "x".repeat(64 * 1024 - start.length() - end.length()) + end;
        assertEquals(64 * 1024, body.getBytes(StandardCharsets.UTF_8).length);

        assertEquals(201, client.post("/v1/orders", body).status());
    }

    // ---- 422 ------------------------------------------------------------------------------------

    @Test
    void a_missing_required_field_is_422_naming_it() {
        assertRefused(client.post("/v1/orders", "{\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}"),
                "MISSING_FIELD", "referenceOrderId");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"m-1\"}"), "MISSING_FIELD", "amount");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"m-1\",\"amount\":{\"currency\":\"SGD\"}}"),
                "MISSING_FIELD", "amount.value");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":null,\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}"),
                "MISSING_FIELD", "referenceOrderId");
        assertRefused(client.post("/v1/orders/existing-order/payments",
                "{\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.9\"}"), "MISSING_FIELD", "redirectUrl");
        assertRefused(client.post("/v1/orders/existing-order/payments",
                "{\"redirectUrl\":\"https://shop.example/r\"}"), "MISSING_FIELD", "terminalType");
        assertRefused(client.get("/v1/payment-methods"), "MISSING_FIELD", "currency");
    }

    @Test
    void a_field_of_the_wrong_type_is_422_naming_it() {
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":42,\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}"),
                "WRONG_TYPE", "referenceOrderId");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"t-1\",\"amount\":\"4200\"}"), "WRONG_TYPE", "amount");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"t-1\",\"amount\":{\"currency\":\"SGD\",\"value\":42.5}}"),
                "WRONG_TYPE", "amount.value");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"t-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"},"
                + "\"buyer\":{\"referenceBuyerId\":7}}"), "WRONG_TYPE", "buyer.referenceBuyerId");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","saveCard":"yes"}"""), "WRONG_TYPE", "saveCard");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","expiresInSeconds":"600"}"""),
                "WRONG_TYPE", "expiresInSeconds");
    }

    @Test
    void ids_and_amounts_are_checked_by_the_domain_and_refused_naming_the_field() {
        assertRefused(client.post("/v1/orders", ORDER.formatted("x".repeat(65))), "INVALID_VALUE", "referenceOrderId");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"v-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"-5\"}}"),
                "INVALID_VALUE", "amount.value");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"v-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"0\"}}"),
                "INVALID_VALUE", "amount.value");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"v-1\",\"amount\":{\"currency\":\"sgd\",\"value\":\"1\"}}"),
                "INVALID_VALUE", "amount.currency");
        assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"v-1\",\"amount\":{\"currency\":\"XXX\",\"value\":\"1\"}}"),
                "INVALID_VALUE", "amount.currency");
        for (String withdrawnOrFourDecimals : new String[] {"DEM", "ZWD", "CLF"}) {
            assertRefused(client.post("/v1/orders", "{\"referenceOrderId\":\"v-1\",\"amount\":{\"currency\":\""
                    + withdrawnOrFourDecimals + "\",\"value\":\"100\"}}"), "INVALID_VALUE", "amount.currency");
        }
        assertRefused(client.get("/v1/orders/" + "o".repeat(65)), "INVALID_VALUE", "referenceOrderId");
        assertRefused(client.get("/v1/payments/" + "p".repeat(65)), "INVALID_VALUE", "paymentRequestId");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"not a url","terminalType":"WEB"}"""), "INVALID_VALUE", "redirectUrl");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"TV"}"""), "INVALID_VALUE", "terminalType");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","expiresInSeconds":0}"""),
                "INVALID_VALUE", "expiresInSeconds");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","expiresInSeconds":600}"""),
                "INVALID_VALUE", "expiresInSeconds");
        assertRefused(client.post("/v1/orders/existing-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB","requireIssuerAuthentication":true,
                 "selectedCardBrand":"KB"}"""), "INVALID_VALUE", "selectedCardBrand");
        assertRefused(client.get("/v1/payment-methods?currency=EURO"), "INVALID_VALUE", "currency");
    }

    @Test
    void card_numbers_and_security_codes_are_refused_and_never_echoed_or_sent_to_antom() {
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();
        String[] bodies = {
            "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\",\"cardNumber\":\"4054695723100768\"}",
            "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\",\"card\":{\"cvv\":\"123\"}}",
            "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\",\"card_no\":\"4054695723100768\"}",
            "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\",\"cardToken\":\"4054 6957 2310 0768\"}"};
        for (String body : bodies) {
            EngineClient.Answer answer = client.post("/v1/orders/existing-order/payments", body);

            assertEquals(422, answer.status(), () -> body + " → " + answer);
            assertFalse(answer.body().contains("4054695723100768") || answer.body().contains("4054 6957"),
                    "the card number is not echoed");
            assertFalse(answer.body().contains("\"123\""), "the security code is not echoed");
        }
        assertEquals("CARD_DATA_REFUSED", client.post("/v1/orders/existing-order/payments", bodies[0]).errorCode());
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size(), "nothing reached Antom");
    }

    @Test
    void a_card_number_in_any_text_the_merchant_writes_is_refused_naming_the_field_and_nothing_is_kept_or_sent() {
        int paysBefore = engine.antom.requests(PaymentRequest.class).size();
        String[][] orders = {
            {"referenceOrderId", "{\"referenceOrderId\":\"5162774114974622\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}"},
            {"description", "{\"referenceOrderId\":\"card-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                    + "\"description\":\"card 4054695723100768 exp 12/30 cvv 123\"}"},
            {"buyer.referenceBuyerId", "{\"referenceOrderId\":\"card-2\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                    + "\"buyer\":{\"referenceBuyerId\":\"4054-6957-2310-0768\"}}"},
            {"buyer.email", "{\"referenceOrderId\":\"card-3\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                    + "\"buyer\":{\"email\":\"4054695723100768@example.com\"}}"}};
        for (String[] order : orders) {
            EngineClient.Answer answer = client.post("/v1/orders", order[1]);

            assertRefused(answer, "CARD_DATA_REFUSED", order[0]);
            assertTrue(answer.errorMessage().contains("looks like a card number"), answer::toString);
            assertNoCardNumberIn(answer);
        }
        for (String id : new String[] {"card-1", "card-2", "card-3"}) {
            assertEquals(404, client.get("/v1/orders/" + id).status(), id + " was not stored");
        }

        String[][] payments = {
            {"redirectUrl", "{\"redirectUrl\":\"https://shop.example/r?pan=4054695723100768\",\"terminalType\":\"WEB\"}"},
            {"clientIp", "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\",\"clientIp\":\"5162 7741 1497 4622\"}"},
            {"selectedCardBrand", "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\","
                    + "\"selectedCardBrand\":\"4054695723100768\"}"}};
        for (String[] payment : payments) {
            EngineClient.Answer answer = client.post("/v1/orders/existing-order/payments", payment[1]);

            assertRefused(answer, "CARD_DATA_REFUSED", payment[0]);
            assertNoCardNumberIn(answer);
        }
        assertRefused(client.get("/v1/orders/5162774114974622"), "CARD_DATA_REFUSED", "referenceOrderId");
        EngineClient.Answer lookup = client.get("/v1/payments/5162774114974622"); // an id the engine never makes
        assertRefused(lookup, "PAYMENT_NOT_FOUND", null);
        assertNoCardNumberIn(lookup);
        assertEquals(paysBefore, engine.antom.requests(PaymentRequest.class).size(), "nothing reached Antom");
    }

    @Test
    void a_card_number_in_an_unknown_route_is_not_echoed() {
        EngineClient.Answer answer = client.get("/v1/cards/4054695723100768");

        assertEquals(404, answer.status());
        assertNoCardNumberIn(answer);
    }

    @Test
    void text_with_a_lone_surrogate_is_refused_naming_the_field_before_anything_is_stored() {
        String[][] orders = {
            {"referenceOrderId", "{\"referenceOrderId\":\"sur-\\udc00\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}"},
            {"referenceOrderId", "{\"referenceOrderId\":\"sur-\\ud801\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}"},
            {"description", "{\"referenceOrderId\":\"sur-d\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                    + "\"description\":\"tea \\ud800 pot\"}"},
            {"buyer.referenceBuyerId", "{\"referenceOrderId\":\"sur-b\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                    + "\"buyer\":{\"referenceBuyerId\":\"\\udfff\"}}"},
            {"amount.currency", "{\"referenceOrderId\":\"sur-c\",\"amount\":{\"currency\":\"SG\\udc00\",\"value\":\"4200\"}}"},
            {"amount.value", "{\"referenceOrderId\":\"sur-v\",\"amount\":{\"currency\":\"SGD\",\"value\":\"42\\ud800\"}}"}};
        for (String[] order : orders) {
            for (int attempt = 0; attempt < 2; attempt++) { // the same body again is refused alike, never a conflict
                assertRefused(client.post("/v1/orders", order[1]), "INVALID_VALUE", order[0]);
            }
        }
        for (String id : new String[] {"sur-d", "sur-b", "sur-c", "sur-v"}) {
            assertEquals(404, client.get("/v1/orders/" + id).status(), id);
        }
        assertEquals(201, client.post("/v1/orders", ORDER.formatted("sur-?")).status(), "a question mark is fine");
        assertRefused(client.post("/v1/orders/existing-order/payments",
                "{\"redirectUrl\":\"https://shop.example/r\\ud800\",\"terminalType\":\"WEB\"}"), "INVALID_VALUE", "redirectUrl");
        assertRefused(client.post("/v1/orders/existing-order/payments",
                "{\"redirectUrl\":\"https://shop.example/r\",\"terminalType\":\"WEB\\udc00\"}"), "INVALID_VALUE", "terminalType");
    }

    private static void assertNoCardNumberIn(EngineClient.Answer answer) {
        assertFalse(org.payengine.domain.CardNumbers.foundIn(answer.body()), () -> "echoed: " + answer);
    }

    @Test
    void json_nested_deeper_than_a_thousand_levels_is_400_and_shallower_is_read() {
        String deep = "{\"referenceOrderId\":\"nested-%d\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"},"
                + "\"extra\":%s}";
        EngineClient.Answer tooDeep = client.post("/v1/orders", deep.formatted(1, "[".repeat(5_000) + "]".repeat(5_000)));
        EngineClient.Answer deepEnough = client.post("/v1/orders", deep.formatted(2, "[".repeat(900) + "]".repeat(900)));

        assertEquals(400, tooDeep.status(), tooDeep::toString);
        assertEquals("MALFORMED_JSON", tooDeep.errorCode());
        assertEquals(201, deepEnough.status(), deepEnough::toString);
    }

    @Test
    void unknown_fields_are_tolerated() {
        EngineClient.Answer answer = client.post("/v1/orders", """
                {"referenceOrderId":"tolerant-1","amount":{"currency":"SGD","value":"100","note":"x"},"x-extra":[1,{"a":null}]}""");

        assertEquals(201, answer.status(), answer::toString);
    }

    // ---- 404, 405 -------------------------------------------------------------------------------

    @Test
    void unknown_ids_are_404() {
        assertRefused(client.get("/v1/orders/no-such-order"), "ORDER_NOT_FOUND", null);
        assertRefused(client.get("/v1/payments/no-such-payment"), "PAYMENT_NOT_FOUND", null);
        assertRefused(client.post("/v1/orders/no-such-order/payments", """
                {"redirectUrl":"https://shop.example/r","terminalType":"WEB"}"""), "ORDER_NOT_FOUND", null);
        assertRefused(client.post("/v1/payments/no-such-payment/capture"), "PAYMENT_NOT_FOUND", null);
        assertRefused(client.post("/v1/payments/no-such-payment/cancel"), "PAYMENT_NOT_FOUND", null);
        assertRefused(client.post("/v1/payments/no-such-payment/sync"), "PAYMENT_NOT_FOUND", null);
    }

    @Test
    void unknown_routes_are_404_and_wrong_methods_405() {
        assertEquals(404, client.get("/v1/nothing-here").status());
        assertEquals("NOT_FOUND", client.get("/v1/nothing-here").errorCode());
        EngineClient.Answer wrongMethod = client.send(client.authorized("/v1/orders").DELETE());
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
    }

    private static void assertRefused(EngineClient.Answer answer, String code, String field) {
        int status = switch (code) {
            case "ORDER_NOT_FOUND", "PAYMENT_NOT_FOUND" -> 404;
            default -> 422;
        };
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(code, answer.errorCode(), answer::toString);
        assertEquals(field, answer.errorField(), answer::toString);
        assertFalse(answer.json().path("error").path("message").asText().isBlank());
        assertTrue(Arrays.asList(answer.header("Content-Type").split(";")).contains("application/json"));
    }
}
