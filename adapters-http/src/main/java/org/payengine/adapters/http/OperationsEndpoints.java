package org.payengine.adapters.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.payengine.adapters.http.transport.Json;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} and {@code GET /metrics}, for load balancers and monitoring, and {@code GET /openapi.json}, the
 * contract of every endpoint; none needs an API key (they tell nothing about any one payment).
 */
final class OperationsEndpoints {

    private static final Logger log = LoggerFactory.getLogger(OperationsEndpoints.class);

    /** The OpenAPI 3.1 document of every endpoint; the HTTP tests hold the engine's traffic to it. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final StoreHealth storeHealth;
    private final GatewayHealth gatewayHealth;
    private final HttpMetrics metrics;
    private final byte[] openApi;

    OperationsEndpoints(StoreHealth storeHealth, GatewayHealth gatewayHealth, HttpMetrics metrics) {
        this.storeHealth = storeHealth;
        this.gatewayHealth = gatewayHealth;
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    /**
     * 200 {@code {"status":"UP",…}} when the database answers and Antom has refused nothing for the engine's
     * configuration; 200 {@code "DEGRADED"} with the {@code alarms} (what Antom refused, why, and the settings to
     * check) when Antom refuses this engine's client id or key — the node still serves notifications and reads, so a
     * load balancer should keep it; 503 with the error body when the database does not answer.
     */
    void health(HttpServerExchange exchange) {
        ObjectNode body = Json.newObject();
        List<GatewayHealth.Alarm> alarms = gatewayHealth.alarms();
        try {
            storeHealth.check();
            body.put("status", alarms.isEmpty() ? "UP" : "DEGRADED");
            checks(body, "UP", alarms);
            JsonAnswers.send(exchange, 200, body);
        } catch (RuntimeException down) {
            log.warn("Health check: the database is not reachable: {}", down.toString());
            body.put("status", "DOWN");
            checks(body, "DOWN", alarms);
            ObjectNode error = body.putObject("error");
            error.put("code", "STORE_UNAVAILABLE");
            error.put("message", "The engine's database is not reachable");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            JsonAnswers.send(exchange, 503, body);
        }
    }

    private static void checks(ObjectNode body, String database, List<GatewayHealth.Alarm> alarms) {
        ObjectNode checks = body.putObject("checks");
        checks.put("database", database);
        checks.put("antom", alarms.isEmpty() ? "UP" : "REFUSED");
        if (alarms.isEmpty()) {
            return;
        }
        ArrayNode list = body.putArray("alarms");
        for (GatewayHealth.Alarm alarm : alarms) {
            ObjectNode node = list.addObject();
            node.put("check", "antom");
            node.put("operation", alarm.operation());
            node.put("code", alarm.code());
            node.put("meaning", alarm.meaning());
            alarm.settings().forEach(node.putArray("settings")::add);
            node.put("since", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(alarm.since().atOffset(ZoneOffset.UTC)));
        }
    }

    /** The contract, as it ships in the jar. */
    void openApi(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonAnswers.JSON_UTF8);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(ByteBuffer.wrap(openApi));
    }

    private static byte[] openApiDocument() {
        try (InputStream document = OperationsEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (document == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the adapter's jar");
            }
            return document.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    void metrics(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(metrics.scrape());
    }
}
