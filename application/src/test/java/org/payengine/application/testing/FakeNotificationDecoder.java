package org.payengine.application.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.fact.Fact;

/**
 * A {@link NotificationDecoder} for tests of what happens after decoding: {@link #notificationOf} makes a
 * notification that decodes to the given facts; a missing {@code signature} header, the signature
 * {@value #FORGED} or a body it did not make are rejected like the real decoder would. Thread-safe.
 */
public final class FakeNotificationDecoder implements NotificationDecoder {

    public static final String ACKNOWLEDGEMENT =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
    public static final String FORGED = "forged";

    private final Map<String, List<Fact>> bodies = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A signed notification carrying {@code facts}; sending it again is Antom resending the same notification. */
    public synchronized RawNotification notificationOf(Instant receivedAt, Fact... facts) {
        String body = "{\"notification\":" + sequence.incrementAndGet() + "}";
        bodies.put(body, List.of(facts));
        return new RawNotification("POST", "/notifications/antom",
                Map.of("signature", "algorithm=RSA256,keyVersion=1,signature=valid", "client-id", "TEST",
                        "request-time", receivedAt.toString()),
                body.getBytes(StandardCharsets.UTF_8), receivedAt);
    }

    @Override
    public synchronized NotificationDecoding decode(RawNotification notification) {
        String signature = notification.header("signature").orElse(null);
        if (signature == null) {
            return new NotificationDecoding.Rejected(Reason.MISSING_HEADER, "the signature header is missing");
        }
        if (signature.contains(FORGED)) {
            return new NotificationDecoding.Rejected(Reason.BAD_SIGNATURE, "the signature does not verify");
        }
        String body = new String(notification.body(), StandardCharsets.UTF_8);
        List<Fact> facts = bodies.get(body);
        if (facts == null) {
            return new NotificationDecoding.Rejected(Reason.MALFORMED_BODY, "not a notification this decoder made");
        }
        return new NotificationDecoding.Accepted(facts, "test/" + body, ACKNOWLEDGEMENT);
    }
}
