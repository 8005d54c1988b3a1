package org.payengine.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The merchant's webhook endpoint, as the engine's {@code PAYENGINE_WEBHOOK_URL}: each event the engine delivers is
 * accepted (204) and handed to the merchant's reaction on a thread of its own, so that a slow reaction (a capture,
 * which calls Antom) never holds up the engine's delivery. The benchmark's merchant trusts the loopback sender and
 * does not check the signature.
 */
final class MerchantEndpoint implements AutoCloseable {

    /** One delivered event: its type ({@code order.authorized}, {@code order.paid}, …), order and data. */
    record Event(String type, String referenceOrderId, JsonNode data) {
    }

    static final String PATH = "/payengine-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService reactions;

    private MerchantEndpoint(HttpServer server, ExecutorService reactions) {
        this.server = server;
        this.reactions = reactions;
    }

    static MerchantEndpoint start(int reactionThreads, Consumer<Event> reaction) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService reactions = Executors.newFixedThreadPool(reactionThreads);
        MerchantEndpoint endpoint = new MerchantEndpoint(server, reactions);
        server.createContext(PATH, exchange -> endpoint.accept(exchange, reaction));
        server.start();
        return endpoint;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void accept(HttpExchange exchange, Consumer<Event> reaction) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        Event event = new Event(body.path("type").asText(), body.path("referenceOrderId").asText(), body.path("data"));
        reactions.execute(() -> reaction.accept(event));
    }

    @Override
    public void close() {
        server.stop(0);
        reactions.shutdownNow();
    }
}
