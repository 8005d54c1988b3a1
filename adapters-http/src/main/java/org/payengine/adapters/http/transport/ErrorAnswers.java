package org.payengine.adapters.http.transport;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.payengine.application.port.ConcurrentUpdateException;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.domain.CardNumbers;
import org.payengine.domain.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a merchant API handler so that whatever it throws is answered with the error body: its own
 * {@link HttpError}s as they are, the domain's refused values as 422 naming the field, an unreachable store
 * and a conflict with concurrent writers that outlasted every retry as 503 (nothing was stored; try again — for
 * a notification, Antom sends it again), and anything else — a bug — as 500, logged with its stack trace
 * but never with the request's body or headers.
 */
public final class ErrorAnswers implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final HttpHandler next;

    private ErrorAnswers(HttpHandler next) {
        this.next = next;
    }

    public static HttpHandler around(HttpHandler handler) {
        return new ErrorAnswers(handler);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        try {
            next.handleRequest(exchange);
        } catch (Exception failure) {
            answer(exchange, failure);
        }
    }

    private static void answer(HttpServerExchange exchange, Throwable failure) {
        HttpError error = translate(exchange, failure);
        if (exchange.isResponseStarted()) {
            log.error("{} {} failed after its answer had started", exchange.getRequestMethod(),
                    redactedPath(exchange), failure);
            return;
        }
        exchange.getResponseHeaders().clear();
        JsonAnswers.sendError(exchange, error);
    }

    static HttpError translate(HttpServerExchange exchange, Throwable failure) {
        if (failure instanceof HttpError error) {
            return error;
        }
        if (failure instanceof InvalidValueException invalid) {
            return HttpError.refused(invalid.field(), invalid);
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            log.warn("{} {}: store unavailable: {}", exchange.getRequestMethod(), redactedPath(exchange),
                    unavailable.getMessage());
            return new HttpError(503, "STORE_UNAVAILABLE",
                    "The engine's database is not reachable; nothing was changed, try again later", null);
        }
        if (failure instanceof ConcurrentUpdateException busy) {
            log.warn("{} {}: {}", exchange.getRequestMethod(), redactedPath(exchange), busy.getMessage());
            return new HttpError(503, "BUSY",
                    "Other requests changed the same data at the same moment; nothing was changed, try again", null);
        }
        log.error("{} {} failed", exchange.getRequestMethod(), redactedPath(exchange), failure);
        return new HttpError(500, "INTERNAL_ERROR", "The engine failed to handle the request; it is logged", null);
    }

    /** The request's path as a log or an answer shows it: a card number in it (a client's mistake) starred out. */
    public static String redactedPath(HttpServerExchange exchange) {
        return CardNumbers.redacted(exchange.getRequestPath());
    }
}
