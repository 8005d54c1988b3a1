package org.payengine.application.port;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A notification exactly as it reached PayEngine's notification endpoint: the signature covers the
 * method, the path and the body bytes, so nothing here is re-encoded.
 *
 * @param headers header names are matched ignoring case; one value per name
 * @param body    the raw body bytes (the array is copied in and out)
 */
public record RawNotification(String method, String path, Map<String, String> headers, byte[] body,
                              Instant receivedAt) {

    public RawNotification {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(receivedAt, "receivedAt");
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = java.util.Collections.unmodifiableSortedMap(caseInsensitive);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** A header's value, the name matched ignoring case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawNotification that && method.equals(that.method) && path.equals(that.path)
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, Arrays.hashCode(body), receivedAt);
    }

    @Override
    public String toString() {
        return "RawNotification[" + method + " " + path + ", " + body.length + " bytes, received " + receivedAt + "]";
    }
}
