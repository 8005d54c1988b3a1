package org.payengine.bootstrap.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands between one engine node and Antom and writes down every call: which node, which API, the request's
 * JSON, and when the call began and ended (real time). The bodies and signature headers pass through unchanged, so
 * both sides still verify each other's signatures.
 */
final class RecordingAntomProxy implements AutoCloseable {

    /** One call as the proxy saw it. */
    record Call(String node, String api, JsonNode request, long startedNanos, long endedNanos) {
        String field(String name) {
            JsonNode value = request.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }

        boolean overlaps(Call other) {
            return startedNanos < other.endedNanos && other.startedNanos < endedNanos;
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "date");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    private final URI target;
    private final List<Call> calls;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RecordingAntomProxy(String node, URI target, List<Call> calls) {
        this.node = node;
        this.target = target;
        this.calls = calls;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (IOException | InterruptedException unreachable) {
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
            String api = path.substring(path.lastIndexOf('/') + 1);
            JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            synchronized (calls) {
                calls.add(new Call(node, api, json, started, System.nanoTime()));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    static List<Call> snapshot(List<Call> calls) {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }
}
