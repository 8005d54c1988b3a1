package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json}: served without a key, a valid OpenAPI 3.1 document (the OpenAPI Initiative's schema of
 * 3.1 documents, and JSON Schema 2020-12 for each of its schemas), and true of the engine: every operation it
 * documents is served. That every answer the engine gives is documented, the rest of the HTTP tests check, through
 * {@link OpenApiContract}.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestEngine engine;
    private static EngineClient client;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
        client = engine.client;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void the_document_is_served_without_a_key_as_it_ships() throws IOException {
        EngineClient.Answer served = client.send(client.request("/openapi.json").GET());

        assertEquals(200, served.status(), served::toString);
        assertTrue(served.header("Content-Type").startsWith("application/json"));
        assertEquals(OpenApiContract.ENGINE.document(), JSON.readTree(served.body()));
        assertEquals("3.1.0", served.json().path("openapi").asText());
    }

    @Test
    void the_document_is_a_valid_openapi_3_1_document() throws IOException {
        JsonNode oasSchema;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("oas-3.1-schema.json")) {
            oasSchema = JSON.readTree(in);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

        List<Error> errors = registry.getSchema(oasSchema).validate(OpenApiContract.ENGINE.document());

        assertEquals(List.of(), errors);
    }

    @Test
    void each_schema_of_the_document_is_a_valid_json_schema_2020_12() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var metaSchema = registry.getSchema(com.networknt.schema.SchemaLocation.of(
                "https://json-schema.org/draft/2020-12/schema"));
        List<String> invalid = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : OpenApiContract.ENGINE.document().path("components").path("schemas")
                .properties()) {
            List<Error> errors = metaSchema.validate(schema.getValue());
            if (!errors.isEmpty()) {
                invalid.add(schema.getKey() + ": " + errors);
            }
        }

        assertEquals(List.of(), invalid);
    }

    @Test
    void every_operation_the_document_lists_is_served() {
        List<String> unserved = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : OpenApiContract.ENGINE.document().path("paths").properties()) {
            String concrete = path.getKey().replaceAll("\\{[^/}]+}", "no-such-id");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("parameters") || reconciles(operation.getValue())) {
                    continue;
                }
                HttpRequest.Builder request = client.authorized(concrete)
                        .method(operation.getKey().toUpperCase(java.util.Locale.ROOT),
                                HttpRequest.BodyPublishers.noBody());
                EngineClient.Answer answer = client.send(request);
                boolean fallback = answer.status() == 405 || answer.status() == 404
                        && answer.body().contains("\"NOT_FOUND\"");
                if (fallback) {
                    unserved.add(operation.getKey() + " " + path.getKey() + ": " + answer);
                }
            }
        }

        assertEquals(List.of(), unserved);
    }

    /** Served only when reconciliation is configured, which this module's test engine is not. */
    private static boolean reconciles(JsonNode operation) {
        for (JsonNode tag : operation.path("tags")) {
            if (tag.asText().equals("reconciliation")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_traffic_check_refuses_an_answer_or_a_request_the_document_does_not_describe() {
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        HttpHeaders keyed = HttpHeaders.of(Map.of("Authorization", List.of("Bearer k"),
                "Content-Type", List.of("application/json")), (name, value) -> true);
        String order = """
                {"referenceOrderId":"o-1","status":"OPEN","amount":{"currency":"SGD","value":"4200"},"payments":[],
                 "createdAt":"2025-03-01T10:00:00Z"%s}""";
        byte[] create = "{\"referenceOrderId\":\"o-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        URI orders = URI.create("http://engine.test/v1/orders");

        OpenApiContract.ENGINE.check(new OpenApiContract.Exchange("POST", orders, keyed, create, 201, json,
                order.formatted("")));
        assertThrows(AssertionError.class, () -> OpenApiContract.ENGINE.check(new OpenApiContract.Exchange("POST",
                orders, keyed, create, 201, json, order.formatted(",\"shippedAt\":\"soon\""))), "an undocumented field");
        assertThrows(AssertionError.class, () -> OpenApiContract.ENGINE.check(new OpenApiContract.Exchange("POST",
                orders, keyed, create, 202, json, order.formatted(""))), "an undocumented status");
        assertThrows(AssertionError.class, () -> OpenApiContract.ENGINE.check(new OpenApiContract.Exchange("POST",
                orders, json, create, 201, json, order.formatted(""))), "no API key, yet created");
        assertThrows(AssertionError.class, () -> OpenApiContract.ENGINE.check(new OpenApiContract.Exchange("DELETE",
                orders, keyed, new byte[0], 200, json, "{}")), "an operation the document lacks");
    }

    @Test
    void the_document_names_every_error_code_the_merchant_api_answers() {
        String document = OpenApiContract.ENGINE.document().toString();
        for (String code : new String[] {"MALFORMED_JSON", "UNAUTHORIZED", "ORDER_NOT_FOUND", "ORDER_CONFLICT",
                "ORDER_ALREADY_PAID", "NOT_AUTHORIZED", "ALREADY_CAPTURED", "CAPTURE_WINDOW_EXPIRED",
                "PAYMENT_ALREADY_FINAL", "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_IN_USE", "INVALID_IDEMPOTENCY_KEY",
                "UNKNOWN_PARAMETER", "BODY_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "MISSING_FIELD", "INVALID_VALUE",
                "CARD_DATA_REFUSED", "STORE_UNAVAILABLE", "ANTOM_UNAVAILABLE", "BAD_SIGNATURE"}) {
            assertTrue(document.contains(code), code + " is not described");
        }
        assertFalse(document.contains("WORK-IN-PROGRESS"));
        assertNotEquals(0, OpenApiContract.ENGINE.document().path("paths").size());
    }
}
