package org.payengine.adapters.http.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"id\":\"order-1#3.0\",\"type\":\"order.paid\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature("whsec-0123456789abcdefghijklmnop");

    @Test
    public void a_fresh_genuine_webhook_verifies() {
        long timestamp = NOW.getEpochSecond();

        assertTrue(signature.verify(signature.sign(timestamp, BODY), Long.toString(timestamp), BODY, NOW, TOLERANCE));
    }

    @Test
    public void a_changed_body_a_changed_timestamp_or_another_secret_does_not_verify() {
        long timestamp = NOW.getEpochSecond();
        String signed = signature.sign(timestamp, BODY);
        byte[] changed = "{\"id\":\"order-1#3.0\",\"type\":\"order.paid\" }".getBytes(StandardCharsets.UTF_8);

        assertFalse(signature.verify(signed, Long.toString(timestamp), changed, NOW, TOLERANCE));
        assertFalse(signature.verify(signed, Long.toString(timestamp + 1), BODY, NOW, TOLERANCE));
        assertFalse(new WebhookSignature("another-secret-of-24-characters").verify(signed, Long.toString(timestamp),
                BODY, NOW, TOLERANCE));
    }

    @Test
    public void a_replay_outside_the_tolerance_does_not_verify() {
        long then = NOW.minus(TOLERANCE).minusSeconds(1).getEpochSecond();

        assertFalse(signature.verify(signature.sign(then, BODY), Long.toString(then), BODY, NOW, TOLERANCE));
    }

    @Test
    public void malformed_headers_do_not_verify() {
        String timestamp = Long.toString(NOW.getEpochSecond());
        assertFalse(signature.verify(null, timestamp, BODY, NOW, TOLERANCE));
        assertFalse(signature.verify("v1=zz", timestamp, BODY, NOW, TOLERANCE));
        assertFalse(signature.verify("v0=00", timestamp, BODY, NOW, TOLERANCE));
        assertFalse(signature.verify(signature.sign(NOW.getEpochSecond(), BODY), "yesterday", BODY, NOW, TOLERANCE));
    }

    @Test
    public void a_short_secret_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("short"));
    }
}
