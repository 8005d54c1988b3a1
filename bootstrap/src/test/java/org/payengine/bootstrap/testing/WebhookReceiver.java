package org.payengine.bootstrap.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A merchant's webhook endpoint on loopback: records every request exactly as received (headers, raw body) and
 * answers 204 (or, {@link #acknowledging}, 200 with a given body). Stands for the merchant in tests of the engine's
 * webhooks, and for the engine where Antom's notifications are to be kept rather than applied.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. Header names are case-insensitive. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final byte[] answer;
    private final List<Received> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server, byte[] answer) {
        this.server = server;
        this.answer = answer;
    }

    public static WebhookReceiver start() throws IOException {
        return start(null);
    }

    /** Answers every request 200 with {@code body} (JSON), e.g. the acknowledgement Antom expects. */
    public static WebhookReceiver acknowledging(String body) throws IOException {
        return start(body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookReceiver start(byte[] answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, answer);
        server.createContext("/", receiver::record);
        server.start();
        return receiver;
    }

    /** {@code http://127.0.0.1:<port>/payengine-events}. */
    public String url() {
        return url("/payengine-events");
    }

    /** {@code http://127.0.0.1:<port>} and {@code path}: every path is recorded alike. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        synchronized (received) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            received.notifyAll();
        }
        if (answer == null) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** Waits for the first request that matches, up to {@code timeout}. */
    public Optional<Received> await(Predicate<Received> matching, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        synchronized (received) {
            while (true) {
                Optional<Received> found = received.stream().filter(matching).findFirst();
                long left = Duration.between(Instant.now(), giveUp).toMillis();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                received.wait(left);
            }
        }
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
