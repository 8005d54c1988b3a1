package org.payengine.adapters.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * How the engine's HTTP server runs.
 *
 * @param host          the address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port          the port; 0 picks a free one ({@link PayEngineHttpServer#port()} tells which)
 * @param apiKeys       the bearer keys of the merchant API, at least one; several allow rotation. Never logged,
 *                      not even by {@link #toString()}
 * @param publicBaseUrl the engine's externally reachable base URL, e.g. {@code https://pay.example.com}: the demo's
 *                      result page is sent to Antom under it (the notification URL is derived from it by the
 *                      composition root: {@link PayEngineHttpServer#NOTIFICATION_PATH})
 * @param maxBodyBytes  the largest request body accepted (413 beyond); {@link #DEFAULT_MAX_BODY_BYTES} by default
 * @param demoPages     whether the demo shop, result and orders pages (and their form endpoints) are served; they
 *                      need no API key and list every order, so they are served only on a loopback {@code host}
 *                      ({@link #isLoopback}): settings with them on any other address are refused
 * @param workerThreads threads that run blocking work (database, Antom calls); 0 for Undertow's default
 */
public record HttpSettings(String host, int port, List<String> apiKeys, URI publicBaseUrl, int maxBodyBytes,
                           boolean demoPages, int workerThreads) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** Shorter keys are refused: a key must not be guessable. */
    public static final int MIN_API_KEY_LENGTH = 16;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is required");
        }
        for (int i = 0; i < apiKeys.size(); i++) {
            String key = apiKeys.get(i);
            if (key.length() < MIN_API_KEY_LENGTH || !key.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("API key #" + (i + 1) + " must be at least " + MIN_API_KEY_LENGTH
                        + " printable ASCII characters without blanks");
            }
        }
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL, was " + publicBaseUrl);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must not be negative, was " + workerThreads);
        }
        if (demoPages && !isLoopback(host)) {
            throw new IllegalArgumentException(DEMO_PAGES_ON_LOOPBACK_ONLY + "; host is " + host);
        }
    }

    /** Why demo pages are refused on any address but the loopback one. */
    public static final String DEMO_PAGES_ON_LOOPBACK_ONLY = "the demo pages need no API key, capture and cancel"
            + " payments and list every order, so they are served only on a loopback address (127.0.0.1, ::1,"
            + " localhost), never on one other machines can reach";

    /**
     * Whether {@code host} is an address of this machine's loopback interface only ({@code 127.0.0.1}, {@code ::1},
     * {@code localhost}). A wildcard ({@code 0.0.0.0}, {@code ::}), a network address or a name that does not resolve
     * is not.
     */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** The defaults: a 64 KiB body cap, no demo pages, Undertow's worker threads. */
    public static HttpSettings of(String host, int port, List<String> apiKeys, URI publicBaseUrl) {
        return new HttpSettings(host, port, apiKeys, publicBaseUrl, DEFAULT_MAX_BODY_BYTES, false, 0);
    }

    public HttpSettings withDemoPages(boolean enabled) {
        return new HttpSettings(host, port, apiKeys, publicBaseUrl, maxBodyBytes, enabled, workerThreads);
    }

    public HttpSettings withMaxBodyBytes(int bytes) {
        return new HttpSettings(host, port, apiKeys, publicBaseUrl, bytes, demoPages, workerThreads);
    }

    public HttpSettings withWorkerThreads(int threads) {
        return new HttpSettings(host, port, apiKeys, publicBaseUrl, maxBodyBytes, demoPages, threads);
    }

    /** A base URL without its trailing slash, to append paths to. */
    public String baseUrl() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + " (hidden)"
                + ", publicBaseUrl=" + publicBaseUrl + ", maxBodyBytes=" + maxBodyBytes + ", demoPages=" + demoPages
                + ", workerThreads=" + workerThreads + "]";
    }
}
