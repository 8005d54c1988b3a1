package org.payengine.adapters.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook is signed, and how a merchant verifies it. The engine sends
 * <pre>
 * PayEngine-Timestamp: 1767225600                  (Unix seconds when the request was signed)
 * PayEngine-Signature: v1=5f2b…c09a                (lower-case hex)
 * </pre>
 * where the signature is HMAC-SHA256, keyed with the shared secret's UTF-8 bytes, over the signed string
 * <pre>
 * &lt;PayEngine-Timestamp&gt; "." &lt;the request body, byte for byte&gt;
 * </pre>
 * A receiver recomputes it over the raw body it received (before any JSON parsing), compares in constant time, and
 * refuses a timestamp further than its tolerance (5 minutes is usual) from its own clock, which stops a captured
 * request from being replayed later; within the tolerance it deduplicates by {@code PayEngine-Event-Id} (delivery
 * is at least once anyway).
 */
public final class WebhookSignature {

    /** The version prefix of the signature header's value. */
    public static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    /** @param secret the shared secret; at least {@link WebhookSettings#MIN_SECRET_LENGTH} characters */
    public WebhookSignature(String secret) {
        if (secret == null || secret.length() < WebhookSettings.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the webhook secret must be at least "
                    + WebhookSettings.MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code PayEngine-Signature} value for this body signed at this instant: {@code v1=<hex>}. */
    public String sign(long timestampSeconds, byte[] body) {
        return VERSION + "=" + HexFormat.of().formatHex(mac(timestampSeconds, body));
    }

    /**
     * Whether a received webhook is genuine and fresh: the signature matches the body and timestamp (compared in
     * constant time), and the timestamp is within {@code tolerance} of {@code now}.
     */
    public boolean verify(String signatureHeader, String timestampHeader, byte[] body, Instant now, Duration tolerance) {
        if (signatureHeader == null || timestampHeader == null || !signatureHeader.startsWith(VERSION + "=")) {
            return false;
        }
        long timestamp;
        byte[] received;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
            received = HexFormat.of().parseHex(signatureHeader.substring(VERSION.length() + 1).strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        boolean fresh = Math.abs(now.getEpochSecond() - timestamp) <= tolerance.toSeconds();
        return MessageDigest.isEqual(mac(timestamp, body), received) && fresh;
    }

    private byte[] mac(long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", impossible);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[HMAC-SHA256, secret hidden]";
    }
}
