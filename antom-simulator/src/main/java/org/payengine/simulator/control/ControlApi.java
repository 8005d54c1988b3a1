package org.payengine.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;
import org.payengine.simulator.payments.CardEntry;
import org.payengine.simulator.payments.CheckoutRefused;
import org.payengine.simulator.payments.PaymentView;
import org.payengine.simulator.traffic.CallStats;
import org.payengine.simulator.wire.AntomTime;
import org.payengine.simulator.wire.Json;

/**
 * The control API for tests and demos, under {@code /sandbox/}:
 * <ul>
 *   <li>{@code POST /sandbox/payments/{paymentId}/complete} {@code {"cardNumber":"…","saveCard":false}}</li>
 *   <li>{@code GET /sandbox/payments/{paymentId}}</li>
 *   <li>{@code POST /sandbox/clock/advance} {@code {"seconds":N}} (and {@code GET /sandbox/clock})</li>
 *   <li>{@code POST /sandbox/faults} {@code {"fault":"DUPLICATE_NOTIFICATION","count":2}}
 *       (and {@code GET}/{@code DELETE /sandbox/faults})</li>
 *   <li>{@code GET /sandbox/stats}: calls received per API and how many were rate-limited ({@code DELETE} resets)</li>
 *   <li>{@code POST /sandbox/limits} {@code {"api":"inquiryPayment","perSecond":5}} ({@code "perSecond":null} lifts
 *       it; {@code GET} lists, {@code DELETE} lifts all)</li>
 *   <li>{@code POST /sandbox/latency} {@code {"api":"pay","millis":300}} ({@code 0} removes it; {@code GET} lists,
 *       {@code DELETE} removes all)</li>
 * </ul>
 * Errors are {@code {"error":{"code","message"}}} with 400, 404 or 409.
 */
public final class ControlApi implements HttpHandler {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final SandboxControl control;

    public ControlApi(SandboxControl control) {
        this.control = control;
    }

    public static boolean handles(String path) {
        return path.startsWith("/sandbox/");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        String method = exchange.getRequestMethod().toString();
        String[] path = exchange.getRequestPath().substring("/sandbox/".length()).split("/");
        try {
            if (path.length == 2 && "payments".equals(path[0]) && "GET".equals(method)) {
                PaymentView view = control.view(path[1]).orElseThrow(() -> notFound(path[1]));
                json(exchange, 200, Json.MAPPER.valueToTree(view));
            } else if (path.length == 3 && "payments".equals(path[0]) && "complete".equals(path[2]) && "POST".equals(method)) {
                complete(exchange, path[1]);
            } else if (path.length == 2 && "clock".equals(path[0]) && "advance".equals(path[1]) && "POST".equals(method)) {
                JsonNode body = body(exchange);
                JsonNode seconds = body.get("seconds");
                if (seconds == null || !seconds.canConvertToLong() && !seconds.asText().matches("[0-9]+") || seconds.asLong() < 0) {
                    throw new ControlError(400, "INVALID_INPUT", "seconds must be a non-negative integer");
                }
                json(exchange, 200, clock(control.advance(Duration.ofSeconds(seconds.asLong()))));
            } else if (path.length == 1 && "clock".equals(path[0]) && "GET".equals(method)) {
                json(exchange, 200, clock(control.now()));
            } else if (path.length == 1 && "faults".equals(path[0])) {
                faults(exchange, method);
            } else if (path.length == 1 && "stats".equals(path[0])) {
                stats(exchange, method);
            } else if (path.length == 1 && "limits".equals(path[0])) {
                limits(exchange, method);
            } else if (path.length == 1 && "latency".equals(path[0])) {
                latency(exchange, method);
            } else {
                throw new ControlError(404, "NOT_FOUND", "no control endpoint " + method + " " + exchange.getRequestPath());
            }
        } catch (ControlError error) {
            ObjectNode body = Json.object();
            ObjectNode detail = body.putObject("error");
            detail.put("code", error.code);
            detail.put("message", error.getMessage());
            json(exchange, error.status, body);
        }
    }

    private void complete(HttpServerExchange exchange, String paymentId) throws IOException {
        JsonNode body = body(exchange);
        String number = text(body, "cardNumber", null);
        CardEntry entry = new CardEntry(number, text(body, "expiryMonth", "12"), text(body, "expiryYear", "30"),
                text(body, "cvv", "123"), text(body, "holderName", "Test Buyer"),
                body.path("saveCard").asBoolean(false),
                body.has("useSavedCard") ? body.path("useSavedCard").asBoolean() : number == null,
                text(body, "selectedCardBrand", null));
        try {
            json(exchange, 200, Json.MAPPER.valueToTree(control.complete(paymentId, entry)));
        } catch (IllegalArgumentException e) {
            throw notFound(paymentId);
        } catch (CheckoutRefused refused) {
            throw refused.paymentClosed()
                    ? new ControlError(409, "PAYMENT_NOT_PAYABLE", refused.getMessage())
                    : new ControlError(400, "INVALID_INPUT", refused.getMessage());
        }
    }

    private void faults(HttpServerExchange exchange, String method) throws IOException {
        switch (method) {
            case "POST" -> {
                control.inject(fault(body(exchange)));
                json(exchange, 200, armed());
            }
            case "GET" -> json(exchange, 200, armed());
            case "DELETE" -> {
                control.clearFaults();
                json(exchange, 200, armed());
            }
            default -> throw new ControlError(404, "NOT_FOUND", "no control endpoint " + method + " /sandbox/faults");
        }
    }

    private void stats(HttpServerExchange exchange, String method) {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> control.resetStats();
            default -> throw new ControlError(404, "NOT_FOUND", "no control endpoint " + method + " /sandbox/stats");
        }
        CallStats.Snapshot stats = control.stats();
        ObjectNode body = Json.object();
        body.put("since", stats.since().toString());
        ObjectNode apis = body.putObject("apis");
        stats.apis().forEach((api, calls) -> apis.putObject(api).put("calls", calls.calls())
                .put("rateLimited", calls.rateLimited()));
        body.put("calls", stats.calls());
        body.put("rateLimited", stats.rateLimited());
        json(exchange, 200, body);
    }

    /** {@code {"api","perSecond"}}: a per-client limit per API; a null rate lifts it. */
    private void limits(HttpServerExchange exchange, String method) throws IOException {
        switch (method) {
            case "POST" -> {
                JsonNode body = body(exchange);
                String api = text(body, "api", null);
                JsonNode perSecond = body.get("perSecond");
                try {
                    if (perSecond == null || perSecond.isNull()) {
                        control.removeLimit(api);
                    } else if (!perSecond.isNumber()) {
                        throw new IllegalArgumentException("perSecond must be a number, was " + perSecond);
                    } else {
                        control.limit(api, perSecond.asDouble());
                    }
                } catch (IllegalArgumentException e) {
                    throw new ControlError(400, "INVALID_INPUT", e.getMessage());
                }
            }
            case "GET" -> { }
            case "DELETE" -> control.clearLimits();
            default -> throw new ControlError(404, "NOT_FOUND", "no control endpoint " + method + " /sandbox/limits");
        }
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("limits");
        control.limits().forEach((api, perSecond) -> list.addObject().put("api", api).put("perSecond", perSecond));
        json(exchange, 200, answer);
    }

    /** {@code {"api","millis"}}: how long the API's answers are held; 0 removes it. */
    private void latency(HttpServerExchange exchange, String method) throws IOException {
        switch (method) {
            case "POST" -> {
                JsonNode body = body(exchange);
                JsonNode millis = body.get("millis");
                if (millis == null || !millis.canConvertToLong()) {
                    throw new ControlError(400, "INVALID_INPUT", "millis must be a whole number of milliseconds");
                }
                try {
                    control.latency(text(body, "api", null), Duration.ofMillis(millis.asLong()));
                } catch (IllegalArgumentException e) {
                    throw new ControlError(400, "INVALID_INPUT", e.getMessage());
                }
            }
            case "GET" -> { }
            case "DELETE" -> control.clearLatencies();
            default -> throw new ControlError(404, "NOT_FOUND", "no control endpoint " + method + " /sandbox/latency");
        }
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("latencies");
        control.latencies().forEach((api, latency) -> list.addObject().put("api", api).put("millis", latency.toMillis()));
        json(exchange, 200, answer);
    }

    /** Reads {@code {"fault","count"?,"api"?,"notifyType"?,"httpStatus"?,"hangSeconds"?,"delaySeconds"?,"process"?}}. */
    static Fault fault(JsonNode body) {
        String kind = text(body, "fault", null);
        if (kind == null) {
            throw new ControlError(400, "INVALID_INPUT", "fault is required: one of " + java.util.Arrays.toString(FaultKind.values()));
        }
        try {
            return new Fault(FaultKind.valueOf(kind), body.path("count").asInt(1), text(body, "api", null),
                    text(body, "notifyType", null),
                    body.has("httpStatus") ? body.get("httpStatus").asInt() : null,
                    body.has("hangSeconds") ? body.get("hangSeconds").asDouble() : null,
                    body.has("delaySeconds") ? body.get("delaySeconds").asLong() : null,
                    body.has("process") ? body.get("process").asBoolean() : null);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() != null && e.getMessage().startsWith("No enum constant")
                    ? "fault must be one of " + java.util.Arrays.toString(FaultKind.values()) + ", was " + kind
                    : e.getMessage();
            throw new ControlError(400, "INVALID_INPUT", message);
        }
    }

    private ObjectNode armed() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("armed");
        for (Fault fault : control.armedFaults()) {
            ObjectNode node = list.addObject();
            node.put("fault", fault.kind().name());
            node.put("count", fault.count());
            Optional.ofNullable(fault.api()).ifPresent(api -> node.put("api", api));
            Optional.ofNullable(fault.notifyType()).ifPresent(type -> node.put("notifyType", type));
            Optional.ofNullable(fault.httpStatus()).ifPresent(status -> node.put("httpStatus", status));
            Optional.ofNullable(fault.hangSeconds()).ifPresent(seconds -> node.put("hangSeconds", seconds));
            Optional.ofNullable(fault.delaySeconds()).ifPresent(seconds -> node.put("delaySeconds", seconds));
            Optional.ofNullable(fault.process()).ifPresent(process -> node.put("process", process));
        }
        return body;
    }

    private static ObjectNode clock(java.time.Instant now) {
        ObjectNode body = Json.object();
        body.put("now", AntomTime.format(now));
        return body;
    }

    private static JsonNode body(HttpServerExchange exchange) throws IOException {
        byte[] bytes = exchange.getInputStream().readNBytes(MAX_BODY_BYTES);
        if (bytes.length == 0) {
            return Json.object();
        }
        JsonNode body = Json.parseOrNull(new String(bytes, StandardCharsets.UTF_8));
        if (body == null || !body.isObject()) {
            throw new ControlError(400, "INVALID_INPUT", "the body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static ControlError notFound(String paymentId) {
        return new ControlError(404, "PAYMENT_NOT_FOUND", "there is no payment " + paymentId);
    }

    private static void json(HttpServerExchange exchange, int status, JsonNode body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=UTF-8");
        exchange.getResponseSender().send(Json.write(body), StandardCharsets.UTF_8);
    }

    private static final class ControlError extends RuntimeException {
        private final int status;
        private final String code;

        ControlError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
