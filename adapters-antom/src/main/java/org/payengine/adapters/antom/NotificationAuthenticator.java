package org.payengine.adapters.antom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a notification is Antom's, exactly as Antom specifies: the signature header parsed by
 * splitting on {@code ,}, trimming and splitting pairs on the first {@code =}, URL-decoded, and
 * verified with Antom's public key over {@code <METHOD> <path>\n<client-id>.<request-time>.<body>}
 * — the request-time verbatim, the body's raw bytes, and the path Antom was given: that of the configured notify
 * URL. Behind a proxy that strips a path prefix ({@code https://shop.example/pay/notifications/antom} reaching the
 * engine as {@code /notifications/antom}) the path received differs from the one Antom signed; the path as received
 * is tried too, for a payment given a notify URL of its own.
 */
final class NotificationAuthenticator {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{10,16}");

    private final AntomSignatures signatures;
    private final byte[] clientId;
    private final int maxBodyBytes;
    private final Optional<String> notifyPath;

    NotificationAuthenticator(AntomSignatures signatures, String clientId, int maxBodyBytes) {
        this(signatures, clientId, maxBodyBytes, Optional.empty());
    }

    /** @param notifyUrl the notify URL Antom was given, whose path Antom signs; empty to use the path received */
    NotificationAuthenticator(AntomSignatures signatures, String clientId, int maxBodyBytes, Optional<URI> notifyUrl) {
        this.signatures = signatures;
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = maxBodyBytes;
        this.notifyPath = notifyUrl.map(url -> url.getRawPath() == null || url.getRawPath().isEmpty() ? "/"
                : url.getRawPath());
    }

    /**
     * @param headers header names in any case
     * @return the problem, or empty when the notification is authentic
     */
    Optional<NotificationProblem> check(String method, String path, Map<String, String> headers, byte[] body) {
        if (!"POST".equals(method)) {
            return Optional.of(NotificationProblem.WRONG_METHOD);
        }
        if (body.length > maxBodyBytes) {
            return Optional.of(NotificationProblem.BODY_TOO_LARGE);
        }
        String signatureHeader = header(headers, "signature");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Optional.of(NotificationProblem.SIGNATURE_MISSING);
        }
        SignatureHeader signature;
        try {
            signature = SignatureHeader.parse(signatureHeader);
        } catch (SignatureHeader.MalformedException e) {
            return Optional.of(NotificationProblem.SIGNATURE_MALFORMED);
        }
        String requestTime = header(headers, "request-time");
        if (requestTime == null || requestTime.isBlank()) {
            return Optional.of(NotificationProblem.REQUEST_TIME_MISSING);
        }
        if (!isTime(requestTime)) {
            return Optional.of(NotificationProblem.REQUEST_TIME_MALFORMED);
        }
        String sender = header(headers, "client-id");
        if (sender == null || sender.isBlank()) {
            return Optional.of(NotificationProblem.CLIENT_ID_MISSING);
        }
        if (!MessageDigest.isEqual(clientId, sender.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(NotificationProblem.CLIENT_ID_UNKNOWN);
        }
        boolean signedOverTheNotifyPath = notifyPath.isPresent()
                && signatures.verify(method, notifyPath.get(), sender, requestTime, body, signature.signature());
        boolean signedOverThePathReceived = !signedOverTheNotifyPath && !notifyPath.equals(Optional.of(path))
                && signatures.verify(method, path, sender, requestTime, body, signature.signature());
        if (!signedOverTheNotifyPath && !signedOverThePathReceived) {
            return Optional.of(NotificationProblem.BAD_SIGNATURE);
        }
        return Optional.empty();
    }

    /** Antom's notifications carry ISO 8601 with offset; its API requests carry epoch millis. */
    private static boolean isTime(String requestTime) {
        if (EPOCH_MILLIS.matcher(requestTime).matches()) {
            return true;
        }
        try {
            OffsetDateTime.parse(requestTime);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String header(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
