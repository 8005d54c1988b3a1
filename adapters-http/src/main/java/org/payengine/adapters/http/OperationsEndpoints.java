package org.payengine.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.payengine.adapters.http.transport.Json;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.application.port.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} and {@code GET /metrics}, for load balancers and monitoring; neither needs an API key
 * (they tell nothing about any one payment).
 */
final class OperationsEndpoints {

    private static final Logger log = LoggerFactory.getLogger(OperationsEndpoints.class);

    private final StoreHealth storeHealth;
    private final HttpMetrics metrics;

    OperationsEndpoints(StoreHealth storeHealth, HttpMetrics metrics) {
        this.storeHealth = storeHealth;
        this.metrics = metrics;
    }

    /** 200 {@code {"status":"UP",…}} when the database answers; 503 with the error body when it does not. */
    void health(HttpServerExchange exchange) {
        ObjectNode body = Json.newObject();
        try {
            storeHealth.check();
            body.put("status", "UP");
            body.putObject("checks").put("database", "UP");
            JsonAnswers.send(exchange, 200, body);
        } catch (RuntimeException down) {
            log.warn("Health check: the database is not reachable: {}", down.toString());
            body.put("status", "DOWN");
            body.putObject("checks").put("database", "DOWN");
            ObjectNode error = body.putObject("error");
            error.put("code", "STORE_UNAVAILABLE");
            error.put("message", "The engine's database is not reachable");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            JsonAnswers.send(exchange, 503, body);
        }
    }

    void metrics(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(metrics.scrape());
    }
}
