package org.payengine.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A merchant's notification endpoint on loopback: records every notification with its headers,
 * and answers as the test scripts it (by the number of the notification received, from 1).
 */
final class MerchantEndpoint implements AutoCloseable {

    static final String ACK = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    /** What to answer. */
    record Reply(int status, String body) {
        static final Reply ACKNOWLEDGE = new Reply(200, ACK);
        static final Reply SERVER_ERROR = new Reply(500, "oops");
        static final Reply WRONG_BODY = new Reply(200, "{\"result\":{\"resultCode\":\"SUCCESS\"}}");
    }

    /** One notification as received. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntFunction<Reply> script = n -> Reply.ACKNOWLEDGE;

    MerchantEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            }
            Reply reply = script.apply(count.incrementAndGet());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The notify URL (path {@code /notify/antom}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify/antom";
    }

    void answer(IntFunction<Reply> replies) {
        this.script = replies;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
