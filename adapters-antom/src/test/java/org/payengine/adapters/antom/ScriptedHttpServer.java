package org.payengine.adapters.antom;

import com.alipay.global.api.tools.SignatureTool;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP(S) server for the transport's own tests: it answers each request with what the
 * test scripted (status, headers, body — signed with the SDK's {@code SignatureTool} or not) and
 * records what it received. Contract tests use the Antom simulator instead.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** What was received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body, int remotePort) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** What to answer. */
    interface Script {
        void answer(HttpExchange exchange, Received received) throws IOException;
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Script script;

    private ScriptedHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static ScriptedHttpServer http() {
        try {
            return new ScriptedHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScriptedHttpServer https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new ScriptedHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    String httpBaseUrl() {
        return baseUrl("http");
    }

    /** The adapter's settings for this server as Antom: the test keys, client id {@code test-client}, 2 s timeouts. */
    AntomSettings.Builder antomSettings() {
        return AntomSettings.builder()
                .clientId("test-client")
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint(httpBaseUrl())
                .readTimeout(java.time.Duration.ofSeconds(2));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void script(Script script) {
        this.script = script;
    }

    /** Answers 200 with the body, signed by {@code signer} over the requested path. */
    void answerSigned(String body, KeyPair signer) {
        script((exchange, request) -> respond(exchange, 200, body, signedHeaders(request.path(), body, signer)));
    }

    /** Holds every answer until the server closes: a hung Antom. */
    void hang() {
        script((exchange, request) -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    static Map<String, String> signedHeaders(String path, String body, KeyPair signer) {
        String time = "2024-01-01T00:00:00+08:00";
        String signature = sign(path, time, body, signer);
        return Map.of("response-time", time, "client-id", "test-client",
                "signature", "algorithm=RSA256,keyVersion=1,signature=" + signature);
    }

    static String sign(String path, String time, String body, KeyPair signer) {
        try {
            return SignatureTool.sign("POST", path, "test-client", time, body, TestKeys.base64PrivateKey(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRemoteAddress().getPort());
        received.add(request);
        script.answer(exchange, request);
    }

    @Override
    public void close() {
        stop.countDown();
        server.stop(0);
    }
}
