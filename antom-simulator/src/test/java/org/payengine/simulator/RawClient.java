package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.tools.SignatureTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A merchant's client over plain HTTP that signs with the SDK's {@code SignatureTool} and checks
 * every answer's signature with it — for tests that need raw bodies and headers.
 */
final class RawClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final AntomSimulator antom;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RawClient(AntomSimulator antom) {
        Sdk.init();
        this.antom = antom;
    }

    /** A raw answer. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String resultCode() {
            return json().path("result").path("resultCode").asText();
        }
    }

    /** Signs and posts {@code body} to {@code /ams/sandbox/api/v1/payments/{api}}; asserts the answer is 200 and signed. */
    JsonNode call(String api, String body) {
        Answer answer = post("/ams/sandbox/api/v1/payments/" + api, body);
        assertSigned("/ams/sandbox/api/v1/payments/" + api, answer);
        return answer.json();
    }

    JsonNode call(String api, JsonNode body) {
        return call(api, body.toString());
    }

    Answer post(String path, String body) {
        return send(path, body, "application/json; charset=UTF-8", antom.clientId(), true, "1");
    }

    Answer send(String path, String body, String contentType, String clientId, boolean sign, String keyVersion) {
        return send(path, body, body, contentType, clientId, sign, keyVersion);
    }

    /** Signs {@code signedBody} but sends {@code sentBody}: a body changed on the way. */
    Answer send(String path, String signedBody, String body, String contentType, String clientId, boolean sign,
                String keyVersion) {
        try {
            String requestTime = Long.toString(System.currentTimeMillis());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(antom.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("request-time", requestTime);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (clientId != null) {
                request.header("client-id", clientId);
            }
            if (sign) {
                String signature = SignatureTool.sign("POST", path, clientId, requestTime, signedBody, antom.merchantPrivateKey());
                request.header("signature", "algorithm=RSA256,keyVersion=" + keyVersion + ",signature=" + signature);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (Exception e) {
            throw new AssertionError("request to " + path + " failed", e);
        }
    }

    HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + url + " failed", e);
        }
    }

    HttpResponse<String> delete(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("DELETE " + url + " failed", e);
        }
    }

    HttpResponse<String> postForm(String url, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + url + " failed", e);
        }
    }

    HttpResponse<String> postJson(String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + url + " failed", e);
        }
    }

    /** Asserts HTTP 200 without {@code signature} and {@code response-time}: how Antom's gateway answers its own errors. */
    void assertUnsigned(Answer answer) {
        assertEquals(200, answer.status(), answer.response().body());
        assertNull(answer.header("signature"), "signature header");
        assertNull(answer.header("response-time"), "response-time header");
        assertEquals("F", answer.json().path("result").path("resultStatus").asText(), answer.response().body());
    }

    /** Asserts HTTP 200, Antom's headers, and a signature the SDK's verifier accepts over {@code path}. */
    void assertSigned(String path, Answer answer) {
        assertEquals(200, answer.status(), answer.response().body());
        String signature = answer.header("signature");
        String responseTime = answer.header("response-time");
        assertNotNull(signature, "signature header");
        assertNotNull(responseTime, "response-time header");
        assertTrue(responseTime.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"), responseTime);
        assertTrue(signature.startsWith("algorithm=RSA256,keyVersion=1,signature="), signature);
        try {
            assertTrue(SignatureTool.verify("POST", path, answer.header("client-id"), responseTime, answer.response().body(),
                    signature.substring(signature.indexOf("signature=") + "signature=".length()), antom.antomPublicKey()),
                    "the response signature verifies");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
