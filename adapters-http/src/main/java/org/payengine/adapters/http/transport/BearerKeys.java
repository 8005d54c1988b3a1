package org.payengine.adapters.http.transport;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The merchant API's authentication: {@code Authorization: Bearer <key>} with one of several configured keys
 * (several, so a key can be rotated without downtime). Only SHA-256 digests of the keys are kept, and a
 * presented key is compared with every one of them in constant time, so neither the timing nor the length of
 * an answer tells how close a guess was. Keys are never logged.
 */
public final class BearerKeys {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> digests;

    public BearerKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is required");
        }
        this.digests = keys.stream().map(BearerKeys::sha256).toList();
    }

    /** Whether the request carries one of the keys. */
    public boolean admits(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        boolean admitted = false;
        for (byte[] digest : digests) {
            admitted |= MessageDigest.isEqual(digest, presented);
        }
        return admitted;
    }

    /** The handler, behind this authentication: a request without a valid key gets 401 and goes no further. */
    public HttpHandler protect(HttpHandler handler) {
        return exchange -> {
            if (!admits(exchange)) {
                throw HttpError.unauthorized("A valid API key is required: Authorization: Bearer <api key>");
            }
            handler.handleRequest(exchange);
        };
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
