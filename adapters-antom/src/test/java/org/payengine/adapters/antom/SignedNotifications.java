package org.payengine.adapters.antom;

import com.alipay.global.api.tools.SignatureTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.payengine.application.port.RawNotification;

/** Notifications as Antom sends them, signed with the SDK's own {@code SignatureTool}. */
final class SignedNotifications {

    static final String CLIENT_ID = "client-1";
    static final String PATH = "/notifications/antom";
    static final String TIME = "2019-07-12T12:08:56+05:30";

    private SignedNotifications() {
    }

    static RawNotification signed(String body, String antomPrivateKeyBase64) {
        return new RawNotification("POST", PATH, headers(PATH, body, antomPrivateKeyBase64),
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-01-01T00:00:00Z"));
    }

    static Map<String, String> headers(String path, String body, String antomPrivateKeyBase64) {
        try {
            String signature = SignatureTool.sign("POST", path, CLIENT_ID, TIME, body, antomPrivateKeyBase64);
            Map<String, String> headers = new HashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("client-id", CLIENT_ID);
            headers.put("request-time", TIME);
            headers.put("signature", "algorithm=RSA256,keyVersion=1,signature=" + signature);
            return headers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RawNotification with(RawNotification notification, String method, String path, Map<String, String> headers,
            byte[] body) {
        return new RawNotification(method, path, headers, body, notification.receivedAt());
    }

    /** One of the hosted-mode guide's JSON samples, verbatim. */
    static String guideSample(String name) {
        try (InputStream in = SignedNotifications.class.getResourceAsStream("guide/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
