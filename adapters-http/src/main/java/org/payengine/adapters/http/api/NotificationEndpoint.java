package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonAnswers;
import org.payengine.application.port.Clock;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.RawNotification;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.HandleNotification.Handling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /notifications/antom}: Antom's signed notifications. There is no API key here; the signature is
 * the authentication, checked by the application's decoder over the method, the path, the headers and the
 * body's exact bytes, all handed over untouched. The answer follows the application's verdict:
 * <ul>
 *   <li>stored for good: 200 with Antom's acknowledgement body, and only then;</li>
 *   <li>verified and stored, but about a payment the engine cannot place yet: 409, so that Antom sends it
 *       again (it may have overtaken the pay response);</li>
 *   <li>not verifiably Antom's: 401 (400, 413 or 422 for an unreadable one), and nothing changed;</li>
 *   <li>the database is down, or concurrent writers still collide after the last retry: 503 (by
 *       {@link org.payengine.adapters.http.transport.ErrorAnswers}), nothing stored.</li>
 * </ul>
 */
public final class NotificationEndpoint {

    private static final Logger log = LoggerFactory.getLogger(NotificationEndpoint.class);

    private final BoundedBody bodies;
    private final HandleNotification handleNotification;
    private final Clock clock;
    private final Consumer<Reason> refusals;

    /** @param refusals told of every refused notification, for monitoring */
    public NotificationEndpoint(BoundedBody bodies, HandleNotification handleNotification, Clock clock,
                                Consumer<Reason> refusals) {
        this.bodies = bodies;
        this.handleNotification = handleNotification;
        this.clock = clock;
        this.refusals = refusals;
    }

    public void receive(HttpServerExchange exchange) {
        byte[] body;
        try {
            body = bodies.read(exchange);
        } catch (HttpError tooLarge) {
            refusals.accept(Reason.OVERSIZED_BODY);
            throw tooLarge;
        }
        RawNotification notification = new RawNotification(exchange.getRequestMethod().toString(),
                exchange.getRequestURI(), headers(exchange), body, clock.now());
        Handling handling = handleNotification.handle(notification);
        if (handling instanceof Handling.Acknowledge acknowledge) {
            exchange.setStatusCode(200);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonAnswers.JSON_UTF8);
            exchange.getResponseSender().send(ByteBuffer.wrap(acknowledge.body().getBytes(StandardCharsets.UTF_8)));
        } else if (handling instanceof Handling.RetryLater later) {
            log.info("Notification stored, not applicable yet (Antom will send it again): {}", later.reason());
            throw new HttpError(409, "NOT_APPLICABLE_YET", "Stored; the payment it is about is not known yet ("
                    + later.reason() + "); send it again", null);
        } else {
            Handling.Rejected rejected = (Handling.Rejected) handling;
            refusals.accept(rejected.reason());
            log.warn("Notification refused ({}): {}", rejected.reason(), rejected.message());
            throw new HttpError(status(rejected.reason()), rejected.reason().name(), rejected.message(), null);
        }
    }

    private static int status(Reason reason) {
        return switch (reason) {
            case MISSING_HEADER, MALFORMED_HEADER, UNKNOWN_CLIENT, BAD_SIGNATURE -> 401;
            case OVERSIZED_BODY -> 413;
            case MALFORMED_BODY -> 400;
            case UNKNOWN_NOTIFY_TYPE -> 422;
            case WRONG_METHOD -> 405;
        };
    }

    /** One value per header name, as the decoder takes them (Antom sends each of its headers once). */
    private static Map<String, String> headers(HttpServerExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), values.getFirst());
        }
        return headers;
    }
}
