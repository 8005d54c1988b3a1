package org.payengine.adapters.http.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the engine sends its events as webhooks (standalone use): a plain record whose constructor
 * refuses what cannot work. The composition root names the settings and reads them. How often a refused delivery
 * is tried again, and when it is dead-lettered, is the outbox worker's business.
 *
 * @param url     the merchant's endpoint, {@code https://…} ({@code http://} only for a loopback host)
 * @param secret  the shared secret that signs each request, at least {@value #MIN_SECRET_LENGTH} characters; never
 *                logged, not even by {@link #toString()}
 * @param timeout connect and answer timeout of one delivery
 */
public record WebhookSettings(URI url, String secret, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Shorter secrets are refused: a secret must not be guessable. */
    public static final int MIN_SECRET_LENGTH = 24;

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("url: must be an absolute https URL, was " + url);
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("url: plain http is allowed for a loopback host only, was " + url);
        }
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret: must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
    }

    public static WebhookSettings of(URI url, String secret) {
        return new WebhookSettings(url, secret, DEFAULT_TIMEOUT);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=<hidden>, timeout=" + timeout + "]";
    }
}
