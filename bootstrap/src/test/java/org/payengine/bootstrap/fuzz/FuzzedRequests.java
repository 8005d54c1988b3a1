package org.payengine.bootstrap.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.payengine.domain.CardNumbers;
import org.payengine.domain.testing.CardNumberFixtures;

/**
 * Requests to the merchant API and the notification endpoint made from a seed: well-formed orders and payment
 * attempts now and then, and around them every kind of thing a careless or hostile client sends — ids and texts with
 * card numbers (in one piece, grouped, inside sentences), lone surrogates, control characters, every script, values
 * of the wrong type, withdrawn currencies, card-named fields, deeply nested and oversized JSON, broken JSON, the
 * wrong media type, and unsigned notifications. The same seed makes the same requests.
 */
final class FuzzedRequests {

    /** One request as sent: method, path (already encoded), media type (or none) and body bytes. */
    record Request(String method, String path, String contentType, byte[] body, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** Writes every character beyond ASCII as {@code \\uXXXX}, so a lone surrogate travels as the escape it is. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String[] CURRENCIES = {"SGD", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "AUD", "DEM", "ZWD",
        "CLF", "XXX", "sgd", "SG", "", "BHD", "VND"};
    private static final String[] CARD_FIELD_NAMES = {"cardNumber", "card_no", "pan", "cvv", "CVC", "securityCode"};

    private final Random random;
    private final List<String> knownOrders = new ArrayList<>();
    private final List<String> knownPayments = new ArrayList<>();
    private int made;

    FuzzedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** What the engine answered to a request this generator made: known ids are reused by later requests. */
    void answered(Request request, int status, String body) {
        if (status == 201 && request.path().equals("/v1/orders")) {
            field(body, "referenceOrderId").ifPresent(knownOrders::add);
        }
        if (status == 201 && request.path().endsWith("/payments")) {
            field(body, "paymentRequestId").ifPresent(knownPayments::add);
        }
    }

    Request next() {
        made++;
        return switch (random.nextInt(20)) {
            case 0, 1, 2 -> validOrder();
            case 3, 4, 5, 6 -> fuzzedOrder();
            case 7 -> structurallyBrokenOrder();
            case 8, 9 -> getOrder();
            case 10, 11, 12 -> payment();
            case 13 -> getPayment();
            case 14 -> paymentCommand();
            case 15 -> paymentMethods();
            case 16 -> notification();
            case 17 -> deeplyNested();
            case 18 -> oversized();
            default -> wrongMediaType();
        };
    }

    // ---- orders ---------------------------------------------------------------------------------

    private Request validOrder() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("referenceOrderId", "fz-" + made + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        order.put("amount", Map.of("currency", pick("SGD", "USD", "EUR", "JPY", "KRW"), "value",
                Long.toString(1 + random.nextInt(999_999))));
        if (random.nextBoolean()) {
            order.put("description", pick("A teapot", "Zwei Tassen", "茶壶 🫖", "Ünïcödé ëverywhere", "3 items"));
        }
        if (random.nextBoolean()) {
            order.put("buyer", Map.of("referenceBuyerId", "buyer-" + random.nextInt(100)));
        }
        return json("POST", "/v1/orders", order, "a well-formed order");
    }

    private Request fuzzedOrder() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("referenceOrderId", random.nextInt(3) == 0 ? "fz-" + made : anything());
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("currency", random.nextInt(3) == 0 ? pick(CURRENCIES) : anyValue());
        amount.put("value", random.nextInt(3) == 0 ? Long.toString(1 + random.nextInt(1_000_000)) : amountValue());
        order.put("amount", random.nextInt(10) == 0 ? anyValue() : amount);
        if (random.nextBoolean()) {
            order.put("description", anything());
        }
        if (random.nextBoolean()) {
            Map<String, Object> buyer = new LinkedHashMap<>();
            buyer.put("referenceBuyerId", anything());
            if (random.nextBoolean()) {
                buyer.put("email", anything());
            }
            if (random.nextBoolean()) {
                buyer.put("phone", random.nextBoolean() ? "+86 138 0013 8000" : anything());
            }
            order.put("buyer", random.nextInt(8) == 0 ? anyValue() : buyer);
        }
        if (random.nextInt(6) == 0) {
            order.put(pick(CARD_FIELD_NAMES), cardNumber());
        }
        if (random.nextInt(4) == 0) {
            order.put(anything(), anyValue()); // unknown fields are ignored, whatever their name and value
        }
        return json("POST", "/v1/orders", order, "a fuzzed order");
    }

    private Request structurallyBrokenOrder() {
        String valid = "{\"referenceOrderId\":\"fz-broken-" + made + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}";
        String body = switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid + "garbage";
            case 2 -> "{\"referenceOrderId\":\"a\",\"referenceOrderId\":\"b\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}";
            case 3 -> "[" + valid + "]";
            case 4 -> "\"just a string\"";
            case 5 -> "";
            case 6 -> "{\"referenceOrderId\":\"\\ud800\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}";
            default -> new String(randomBytes(1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
        };
        return raw("POST", "/v1/orders", "application/json", body.getBytes(StandardCharsets.ISO_8859_1),
                "a broken body");
    }

    private Request getOrder() {
        String id = !knownOrders.isEmpty() && random.nextBoolean() ? pick(knownOrders) : anything();
        return raw("GET", "/v1/orders/" + pathSegment(id), null, new byte[0], "an order by id");
    }

    // ---- payments -------------------------------------------------------------------------------

    private Request payment() {
        String order = !knownOrders.isEmpty() && random.nextInt(4) != 0 ? pick(knownOrders) : anything();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("captureMode", random.nextInt(4) == 0 ? anyValue() : pick("AUTOMATIC", "MANUAL"));
        options.put("redirectUrl", random.nextInt(3) == 0 ? anything()
                : "https://shop.example/return?o=" + (random.nextInt(4) == 0 ? cardNumber() : "x" + made));
        options.put("terminalType", random.nextInt(5) == 0 ? anyValue() : pick("WEB", "WAP", "APP"));
        if (random.nextBoolean()) {
            options.put("clientIp", random.nextBoolean() ? "203.0.113." + random.nextInt(255) : anything());
        }
        if (random.nextInt(4) == 0) {
            options.put("expiresInSeconds", random.nextBoolean() ? random.nextInt(200_000) - 10 : anyValue());
        }
        if (random.nextInt(4) == 0) {
            options.put("selectedCardBrand", random.nextBoolean() ? "VISA" : anything());
        }
        if (random.nextInt(5) == 0) {
            options.put("cardToken", anything());
        }
        if (random.nextInt(6) == 0) {
            options.put("card", Map.of(pick(CARD_FIELD_NAMES), cardNumber()));
        }
        return json("POST", "/v1/orders/" + pathSegment(order) + "/payments", options, "a payment attempt");
    }

    private Request getPayment() {
        String id = !knownPayments.isEmpty() && random.nextBoolean() ? pick(knownPayments) : anything();
        return raw("GET", "/v1/payments/" + pathSegment(id), null, new byte[0], "a payment by id");
    }

    private Request paymentCommand() {
        String id = !knownPayments.isEmpty() && random.nextInt(3) != 0 ? pick(knownPayments) : anything();
        String command = pick("capture", "cancel", "sync");
        byte[] body = random.nextBoolean() ? new byte[0]
                : ("{\"note\":" + quoted(anything()) + "}").getBytes(StandardCharsets.UTF_8);
        return raw("POST", "/v1/payments/" + pathSegment(id) + "/" + command, body.length > 0 ? "application/json" : null,
                body, "a " + command);
    }

    private Request paymentMethods() {
        String currency = random.nextBoolean() ? pick(CURRENCIES) : anything();
        String terminal = random.nextBoolean() ? pick("WEB", "WAP", "APP") : anything();
        return raw("GET", "/v1/payment-methods?currency=" + URLEncoder.encode(currency, StandardCharsets.UTF_8)
                + "&terminalType=" + URLEncoder.encode(terminal, StandardCharsets.UTF_8), null, new byte[0],
                "payment methods");
    }

    /** Notifications nobody signed, or signed with nonsense: never Antom's. */
    private Request notification() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifyType", pick("PAYMENT_RESULT", "CAPTURE_RESULT", "REFUND_RESULT", "X"));
        body.put("paymentRequestId", anything());
        body.put("result", Map.of("resultCode", "SUCCESS", "resultStatus", "S", "resultMessage", anything()));
        body.put("paymentAmount", Map.of("currency", "SGD", "value", cardNumber()));
        return json("POST", "/notifications/antom", body, "an unsigned notification");
    }

    // ---- shapes ---------------------------------------------------------------------------------

    private Request deeplyNested() {
        int depth = 10 + random.nextInt(5_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String body = "{\"referenceOrderId\":\"fz-deep-" + made + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"},"
                + "\"extra\":" + nested + "}";
        return raw("POST", "/v1/orders", "application/json", body.getBytes(StandardCharsets.UTF_8),
                "JSON nested " + depth + " deep");
    }

    private Request oversized() {
        int size = 1_000 + random.nextInt(150_000);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("referenceOrderId", "fz-big-" + made);
        order.put("amount", Map.of("currency", "SGD", "value", "4200"));
        order.put("description", random.nextBoolean() ? "x".repeat(size) : textOfCardNumbers(size));
        return json("POST", "/v1/orders", order, "a body of about " + size + " bytes");
    }

    private Request wrongMediaType() {
        String body = "{\"referenceOrderId\":\"fz-media-" + made + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"1\"}}";
        String type = pick("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                "application/xml", "multipart/form-data; boundary=x");
        return raw("POST", "/v1/orders", type, body.getBytes(StandardCharsets.UTF_8), "a body sent as " + type);
    }

    // ---- values ---------------------------------------------------------------------------------

    /** A text of any kind a client might send. */
    String anything() {
        return switch (random.nextInt(14)) {
            case 0 -> cardNumber();
            case 1 -> "card " + cardNumber() + " exp 12/30 cvv " + (100 + random.nextInt(900));
            case 2 -> "order-" + cardNumber();
            case 3 -> "sur-" + (char) (0xD800 + random.nextInt(0x800)) + (random.nextBoolean() ? "x" : "");
            case 4 -> "tab\there\u0000nul";
            case 5 -> UUID.randomUUID().toString();
            case 6 -> Long.toString(random.nextLong());
            case 7 -> "x".repeat(random.nextInt(3) == 0 ? 65 + random.nextInt(2_000) : 1 + random.nextInt(64));
            case 8 -> "";
            case 9 -> "   ";
            case 10 -> pick("茶壶", "🫖🫖", "Ünïcödé", "مرحبا", "שלום", "\uD83D\uDE00 pair", "sur-?");
            case 11 -> "+86 138 0013 8000";
            case 12 -> "../../etc/passwd?x=1&y=%zz";
            default -> "fz-" + made + "-" + random.nextInt(1000);
        };
    }

    /** A value of any JSON type. */
    private Object anyValue() {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextBoolean();
            case 2 -> List.of(anything());
            case 3 -> Map.of("value", anything());
            case 4 -> 1.5e300;
            case 5 -> new java.math.BigInteger("123456789012345678901234567890");
            default -> anything();
        };
    }

    /**
     * An amount's value: digits of every length, signs, decimals, a number. Amounts are no merchant text and are not
     * screened for card numbers, so none here has card length: a value the engine takes is stored as it is.
     */
    private Object amountValue() {
        return switch (random.nextInt(8)) {
            case 0 -> "-" + random.nextInt(1000);
            case 1 -> "12.50";
            case 2 -> "0";
            case 3 -> "0042";
            case 4 -> "99999999999999999999";
            case 5 -> (long) random.nextInt(1_000_000);
            case 6 -> "4054 6957";
            default -> withoutCardNumber(anything());
        };
    }

    private static String withoutCardNumber(String text) {
        return CardNumbers.foundIn(text) ? "not-a-number" : text;
    }

    /** A number of 13 to 19 digits that passes the Luhn check, written in one piece, or grouped by blanks or dashes. */
    String cardNumber() {
        String digits = CardNumberFixtures.luhnValid(CardNumbers.MIN_DIGITS + random.nextInt(7), random);
        return switch (random.nextInt(3)) {
            case 0 -> digits;
            case 1 -> CardNumberFixtures.grouped(digits, ' ');
            default -> CardNumberFixtures.grouped(digits, '-');
        };
    }

    private String textOfCardNumbers(int size) {
        StringBuilder text = new StringBuilder(size);
        while (text.length() < size) {
            text.append(cardNumber()).append(' ');
        }
        return text.toString();
    }

    /** A path segment as a client would encode it; a lone surrogate becomes {@code ?}, as UTF-8 cannot carry it. */
    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Request json(String method, String path, Object body, String description) {
        try {
            return raw(method, path, "application/json", JSON.writeValueAsBytes(body), description);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request raw(String method, String path, String contentType, byte[] body, String description) {
        return new Request(method, path, contentType, body, description + ": " + method + " " + path);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<String> field(String json, String name) {
        try {
            return java.util.Optional.ofNullable(JSON.readTree(json).path(name).textValue());
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
