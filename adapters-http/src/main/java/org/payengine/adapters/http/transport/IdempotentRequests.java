package org.payengine.adapters.http.transport;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.RecordedAnswer;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.ExecuteOnce.Execution;
import org.payengine.application.usecase.ExecuteOnce.Outcome;
import org.payengine.domain.InvalidValueException;

/**
 * Safe retries of the merchant API: a {@code POST} sent with an {@code Idempotency-Key} header is executed once,
 * and the same key with the same request (method, path and body; a JSON body compared as JSON, whatever the order
 * of its members or its white space) answers the first answer again, status, {@code Location} and body, marked
 * {@code Idempotent-Replayed: true}, for 24 hours and from any node on the same database ({@link ExecuteOnce}).
 *
 * <ul>
 *   <li>The same key with another request: 409 {@code IDEMPOTENCY_KEY_REUSED}, nothing executed.</li>
 *   <li>The same request again while the first is still being executed: 409 {@code IDEMPOTENCY_KEY_IN_USE} with
 *       {@code Retry-After: 1}, nothing executed; sent again a moment later it gets the first answer.</li>
 *   <li>An answer 500 or above (the database or Antom could not be reached, nothing was done) is not kept: the
 *       retry with the same key executes the request again.</li>
 *   <li>Every other answer, refusals included, is the request's answer for good.</li>
 * </ul>
 *
 * The keys are the merchant's: every API key of an engine is the same merchant's (several only so that one can be
 * rotated), so a retry sent with the rotated key finds the first answer. The handler behind must answer through
 * {@link JsonAnswers} (wrap it in {@link ErrorAnswers} so that its refusals do too); requests without the header,
 * and methods other than {@code POST}, pass through untouched.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final HttpString KEY_HEADER = HttpString.tryFromString(HEADER);
    private static final String MERCHANT_SCOPE = "merchant-api";

    private final BoundedBody bodies;
    private final ExecuteOnce executeOnce;

    public IdempotentRequests(BoundedBody bodies, ExecuteOnce executeOnce) {
        this.bodies = bodies;
        this.executeOnce = executeOnce;
    }

    public HttpHandler around(HttpHandler handler) {
        return exchange -> {
            HeaderValues sent = exchange.getRequestHeaders().get(KEY_HEADER);
            if (sent == null || !Methods.POST.equals(exchange.getRequestMethod())) {
                handler.handleRequest(exchange);
                return;
            }
            IdempotencyKey key = key(sent);
            byte[] body = bodies.read(exchange); // kept on the exchange: the handler reads the same bytes
            HeldAnswer held = HeldAnswer.hold(exchange);
            Outcome outcome;
            try {
                outcome = executeOnce.execute(new ExecuteOnce.Command(key, fingerprint(exchange, body)),
                        () -> execute(handler, exchange, held));
            } finally {
                held.stopHolding(exchange);
            }
            if (outcome instanceof Outcome.Executed) {
                held.send(exchange); // only now that it is kept: a retry the moment the client has it finds it
            } else if (outcome instanceof Outcome.Replayed replayed) {
                replay(exchange, replayed.answer());
            } else if (outcome instanceof Outcome.KeyReused reused) {
                throw new HttpError(409, "IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key " + printable(key)
                        + " was sent with another request at " + reused.firstSentAt() + "; a key stands for one"
                        + " request (its method, path and body): use a new key for a new request", HEADER);
            } else if (outcome instanceof Outcome.InProgress inProgress) {
                throw new HttpError(409, "IDEMPOTENCY_KEY_IN_USE", "The request with the Idempotency-Key "
                        + printable(key) + " (first sent at " + inProgress.since() + ") is still being executed;"
                        + " send it again in a moment to get its answer", HEADER).retryAfter(1);
            }
        };
    }

    /** Runs the handler with its answer held back; a 5xx answer is not kept (nothing was done: try again). */
    private static Execution execute(HttpHandler handler, HttpServerExchange exchange, HeldAnswer held) {
        try {
            handler.handleRequest(exchange);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
        int status = exchange.getStatusCode();
        byte[] body = held.body();
        if (body == null) {
            return new Execution(new RecordedAnswer(status, null, new byte[0]), false);
        }
        return new Execution(new RecordedAnswer(status, exchange.getResponseHeaders().getFirst(Headers.LOCATION), body),
                status < 500);
    }

    private static void replay(HttpServerExchange exchange, RecordedAnswer answer) {
        exchange.getResponseHeaders().put(HttpString.tryFromString(REPLAYED_HEADER), "true");
        if (answer.location() != null) {
            exchange.getResponseHeaders().put(Headers.LOCATION, answer.location());
        }
        JsonAnswers.sendBytes(exchange, answer.status(), answer.body());
    }

    private static IdempotencyKey key(HeaderValues sent) {
        if (sent.size() > 1) {
            throw new HttpError(400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key: send it once, not "
                    + sent.size() + " times", HEADER);
        }
        try {
            return new IdempotencyKey(MERCHANT_SCOPE, sent.getFirst());
        } catch (InvalidValueException invalid) {
            throw new HttpError(400, "INVALID_IDEMPOTENCY_KEY", HEADER + ": " + invalid.reason(), HEADER);
        }
    }

    /** SHA-256 of the method, the path with its query, and the body (as canonical JSON when it is JSON). */
    static String fingerprint(HttpServerExchange exchange, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = exchange.getQueryString();
            digest.update((exchange.getRequestMethod() + " " + exchange.getRequestPath()
                    + (query == null || query.isEmpty() ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] canonical = Json.canonical(body);
            digest.update(canonical != null ? canonical : body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String printable(IdempotencyKey key) {
        return "\"" + JsonRequests.printable(key.value()) + "\"";
    }
}
