package org.payengine.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.testing.WebhookReceiver;

/**
 * The load driver's side of the engine's HTTP API over loopback: HTTP/1.1 with kept-alive connections (what a
 * merchant's backend and Antom use; the JDK client's default would try an HTTP/2 upgrade on every cleartext request).
 */
final class MerchantApiClient {

    /** The order and attempt every payment of the benchmark asks for, at the engine and, as a floor, at Antom. */
    static final String DESCRIPTION = "Load benchmark order";
    static final long AMOUNT_MINOR = 4200;
    static final String REDIRECT_URL = "https://shop.example/return";
    static final String CLIENT_IP = "203.0.113.7";
    static final String BUYER = "buyer-load";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    MerchantApiClient(URI base) {
        this.base = base;
    }

    /** An attempt the engine started: its own id and Antom's. */
    record StartedPayment(String paymentRequestId, String paymentId) {
    }

    /** {@code POST /v1/orders} then {@code POST /v1/orders/{id}/payments}; returns Antom's payment id. */
    String createOrderAndStartPayment(String referenceOrderId) {
        return createOrderAndStart(referenceOrderId).paymentId();
    }

    /** {@code POST /v1/orders} then {@code POST /v1/orders/{id}/payments} with manual capture; the pending attempt. */
    StartedPayment createOrderAndStart(String referenceOrderId) {
        expect(201, postJson("/v1/orders", """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"%d"},"description":"%s",\
                "buyer":{"referenceBuyerId":"%s"}}""".formatted(referenceOrderId, AMOUNT_MINOR, DESCRIPTION, BUYER)));
        HttpResponse<String> started = expect(201, postJson("/v1/orders/" + referenceOrderId + "/payments", """
                {"captureMode":"MANUAL","redirectUrl":"%s","terminalType":"WEB","clientIp":"%s"}"""
                .formatted(REDIRECT_URL, CLIENT_IP)));
        try {
            JsonNode attempt = JSON.readTree(started.body());
            if (!"PENDING".equals(attempt.path("status").asText())) {
                throw new IllegalStateException("the attempt of " + referenceOrderId + " is not pending: " + started.body());
            }
            return new StartedPayment(attempt.get("paymentRequestId").asText(), attempt.get("paymentId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/payments/{id}/capture}: accepted (202), or 200 when the capture was already asked for. */
    void capture(String paymentRequestId) {
        HttpResponse<String> answer = postJson("/v1/payments/" + paymentRequestId + "/capture", "{}");
        if (answer.statusCode() != 200) {
            expect(202, answer);
        }
    }

    /** The order's status ({@code GET /v1/orders/{id}}). */
    String orderStatus(String referenceOrderId) {
        try {
            HttpResponse<String> order = expect(200, send(HttpRequest.newBuilder(base.resolve("/v1/orders/"
                            + referenceOrderId)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + ServeEnvironment.API_KEY).GET().build()));
            return JSON.readTree(order.body()).path("status").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Antom's notification, byte for byte as Antom sent it, to {@code POST /notifications/antom}; its answer. */
    HttpResponse<String> postNotification(WebhookReceiver.Received notification) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(notification.path())).timeout(TIMEOUT)
                .header("Content-Type", notification.header("Content-Type"))
                .header("client-id", notification.header("client-id"))
                .header("request-time", notification.header("request-time"))
                .header("signature", notification.header("signature"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body())).build();
        return send(request);
    }

    /** Checks that the engine applied this {@code PAYMENT_RESULT}: its attempt is authorized. */
    void expectAuthorized(WebhookReceiver.Received notification) {
        try {
            String paymentRequestId = JSON.readTree(notification.body()).get("paymentRequestId").asText();
            HttpResponse<String> attempt = expect(200, send(HttpRequest.newBuilder(
                            base.resolve("/v1/payments/" + paymentRequestId)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + ServeEnvironment.API_KEY).GET().build()));
            if (!"AUTHORIZED".equals(JSON.readTree(attempt.body()).path("status").asText())) {
                throw new IllegalStateException("a notified payment is not authorized: " + attempt.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + ServeEnvironment.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri().getPath() + " answered "
                    + answer.statusCode() + " (expected " + status + "): " + answer.body());
        }
        return answer;
    }
}
