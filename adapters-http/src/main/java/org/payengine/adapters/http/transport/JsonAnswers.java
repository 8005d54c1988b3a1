package org.payengine.adapters.http.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import org.payengine.domain.CardNumbers;

/** Writes the merchant API's answers: JSON in UTF-8, never cached (they describe payments). */
public final class JsonAnswers {

    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private JsonAnswers() {
    }

    public static void send(HttpServerExchange exchange, int status, Object view) {
        sendBytes(exchange, status, Json.bytes(view));
    }

    /**
     * The error body {@code {"error":{"code","message","field"?}}}. A card number a client sent where it does not
     * belong (an id in the path, say) is never repeated: its digits are starred out of the message.
     */
    public static void sendError(HttpServerExchange exchange, HttpError error) {
        ObjectNode body = Json.newObject();
        ObjectNode detail = body.putObject("error");
        detail.put("code", error.code());
        detail.put("message", CardNumbers.redacted(error.getMessage()));
        if (error.field() != null) {
            detail.put("field", CardNumbers.redacted(error.field()));
        }
        if (error.status() == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"payengine\"");
        }
        if (error.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, error.retryAfterSeconds().toString());
        }
        send(exchange, error.status(), body);
    }

    /**
     * Sends a JSON body with the status and the headers of every answer; while {@link HeldAnswer#hold held}, the
     * status and headers are set and the body is held back instead.
     */
    static void sendBytes(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        if (!HeldAnswer.held(exchange, body)) {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
