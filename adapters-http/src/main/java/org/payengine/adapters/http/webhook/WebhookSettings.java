package org.payengine.adapters.http.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where and how the engine sends its events as webhooks (standalone use). Read from named values
 * ({@link #fromNamedValues}) under these names:
 * <ul>
 *   <li>{@code PAYENGINE_WEBHOOK_URL}: the merchant's endpoint, {@code https://…} ({@code http://} only for a
 *       loopback host); no webhooks when not set;</li>
 *   <li>{@code PAYENGINE_WEBHOOK_SECRET}, or {@code PAYENGINE_WEBHOOK_SECRET_FILE} (a path to it): the shared
 *       secret that signs each request, at least {@value #MIN_SECRET_LENGTH} characters; required with a URL;</li>
 *   <li>{@code PAYENGINE_WEBHOOK_TIMEOUT_MILLIS} (default 10000): connect and answer timeout of one delivery.</li>
 * </ul>
 * How often a refused delivery is tried again, and when it is dead-lettered, is the outbox worker's business
 * ({@code PAYENGINE_OUTBOX_*}). The secret is never logged, not even by {@link #toString()}.
 */
public record WebhookSettings(URI url, String secret, Duration timeout) {

    public static final String URL = "PAYENGINE_WEBHOOK_URL";
    public static final String SECRET = "PAYENGINE_WEBHOOK_SECRET";
    public static final String SECRET_FILE = "PAYENGINE_WEBHOOK_SECRET_FILE";
    public static final String TIMEOUT_MILLIS = "PAYENGINE_WEBHOOK_TIMEOUT_MILLIS";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Shorter secrets are refused: a secret must not be guessable. */
    public static final int MIN_SECRET_LENGTH = 24;

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(URL + ": must be an absolute https URL, was " + url);
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(URL + ": plain http is allowed for a loopback host only, was " + url);
        }
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(SECRET + ": must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT_MILLIS + ": must be positive, was " + timeout);
        }
    }

    public static WebhookSettings of(URI url, String secret) {
        return new WebhookSettings(url, secret, DEFAULT_TIMEOUT);
    }

    /**
     * The settings from named values, e.g. {@code System::getenv}; empty when no URL is set (no webhooks).
     *
     * @throws IllegalArgumentException naming the setting and the problem
     */
    public static Optional<WebhookSettings> fromNamedValues(UnaryOperator<String> values) {
        Optional<String> url = value(values, URL);
        Optional<String> secret = value(values, SECRET);
        Optional<String> secretFile = value(values, SECRET_FILE);
        if (url.isEmpty()) {
            if (secret.isPresent() || secretFile.isPresent()) {
                throw new IllegalArgumentException(SECRET + ": is set but " + URL + " is not");
            }
            return Optional.empty();
        }
        if (secret.isPresent() && secretFile.isPresent()) {
            throw new IllegalArgumentException(SECRET + " and " + SECRET_FILE + ": both are set; set one");
        }
        String key = secret.orElseGet(() -> secretFile.map(WebhookSettings::read).orElseThrow(
                () -> new IllegalArgumentException(SECRET + ": is required with " + URL)));
        Duration timeout = value(values, TIMEOUT_MILLIS).map(text -> {
            try {
                return Duration.ofMillis(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TIMEOUT_MILLIS + ": '" + text + "' is not a number of milliseconds");
            }
        }).orElse(DEFAULT_TIMEOUT);
        URI uri;
        try {
            uri = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + ": '" + url.get() + "' is not a URL");
        }
        return Optional.of(new WebhookSettings(uri, key, timeout));
    }

    private static Optional<String> value(UnaryOperator<String> values, String name) {
        String value = values.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(SECRET_FILE + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=<hidden>, timeout=" + timeout + "]";
    }
}
