package org.payengine.adapters.http.transport;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.nio.ByteBuffer;

/**
 * An answer {@link JsonAnswers} writes but does not send yet: its status and headers are set on the exchange, its
 * body is held here, so that it can be kept (for a retry with the same idempotency key) before the client sees it,
 * and a client that retries the moment it has the answer finds it kept.
 */
final class HeldAnswer {

    private static final AttachmentKey<HeldAnswer> KEY = AttachmentKey.create(HeldAnswer.class);

    private byte[] body;

    private HeldAnswer() {
    }

    /** From now on, the exchange's JSON answer is held, not sent. */
    static HeldAnswer hold(HttpServerExchange exchange) {
        HeldAnswer held = new HeldAnswer();
        exchange.putAttachment(KEY, held);
        return held;
    }

    /** Holds {@code body} if the exchange's answer is being held; false when it is to be sent at once. */
    static boolean held(HttpServerExchange exchange, byte[] body) {
        HeldAnswer held = exchange.getAttachment(KEY);
        if (held == null) {
            return false;
        }
        held.body = body;
        return true;
    }

    /** The body held, or {@code null} when the handler answered some other way (sent at once). */
    byte[] body() {
        return body;
    }

    /** Answers are sent at once again from now on (an error answered after this is not held). */
    void stopHolding(HttpServerExchange exchange) {
        exchange.removeAttachment(KEY);
    }

    /** Sends the held body, if any (its status and headers are set already). */
    void send(HttpServerExchange exchange) {
        if (body != null) {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
