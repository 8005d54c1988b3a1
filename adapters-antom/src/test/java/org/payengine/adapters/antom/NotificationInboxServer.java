package org.payengine.adapters.antom;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.RawNotification;

/**
 * The merchant's notification endpoint, as small as it gets: it hands every notification the
 * simulator sends, raw, to the decoder, and answers Antom's acknowledgement when accepted.
 */
final class NotificationInboxServer implements AutoCloseable {

    static final String PATH = "/notifications/antom";

    private final HttpServer server;
    private final List<NotificationDecoding> decoded = new CopyOnWriteArrayList<>();

    NotificationInboxServer(AntomNotificationDecoder decoder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            NotificationDecoding decoding = decoder.decode(new RawNotification(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), headers, exchange.getRequestBody().readAllBytes(), Instant.now()));
            decoded.add(decoding);
            byte[] answer = (decoding instanceof NotificationDecoding.Accepted
                    ? ((NotificationDecoding.Accepted) decoding).acknowledgement() : "refused").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(decoding instanceof NotificationDecoding.Accepted ? 200 : 400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String notifyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<NotificationDecoding> decoded() {
        return List.copyOf(decoded);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
