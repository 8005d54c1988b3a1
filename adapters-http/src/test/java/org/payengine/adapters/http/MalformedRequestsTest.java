package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the HTTP parser itself refuses, sent over a raw socket: they are answered in the error contract like every
 * other refusal — 400 {@code MALFORMED_REQUEST} with a JSON body — instead of Undertow's own empty 400.
 */
class MalformedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = new TestEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /v1/orders/a b HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /v1/orders/\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /v1/orders/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "G(ET / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /health HTTP/1.1\r\nBad Header\r\n\r\n",
            "GET /health HTTP/1.1\r\nHo st: x\r\n\r\n",
            "\u0000\u0001\u0002garbage\r\n\r\n"})
    void a_request_the_parser_refuses_is_answered_400_in_the_error_contract(String request) throws IOException {
        String answer = exchange(request);

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(head.contains("content-type: application/json"), answer);
        JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
        assertEquals("MALFORMED_REQUEST", error.path("code").asText(), answer);
        assertTrue(error.path("message").asText().contains("HTTP/1.1"), answer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"})
    void a_well_formed_request_is_untouched(String request) throws IOException {
        String answer = exchange(request);

        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.contains("\"UP\""), answer);
    }

    /** Sends the bytes as they are and reads the answer until the server closes the connection. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(engine.server.localUrl().getHost(), engine.server.localUrl().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
