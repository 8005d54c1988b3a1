package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.testing.TwoNodesOnPostgres;
import org.payengine.simulator.AntomSimulator;

/**
 * Two engine nodes ({@code serve}, in this process) on one PostgreSQL database: a {@code POST} retried with the same
 * {@code Idempotency-Key} is answered identically by either node and executed once, also when the two nodes get it
 * at the same moment.
 */
class SafeRetriesAcrossNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TwoNodesOnPostgres nodes;
    private static AntomSimulator antom;
    private static StandaloneEngine nodeA;
    private static StandaloneEngine nodeB;

    @BeforeAll
    static void startTwoNodes(@TempDir Path data) {
        nodes = TwoNodesOnPostgres.start("SafeRetriesAcrossNodesTest", data);
        antom = nodes.antom();
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void every_post_sent_again_with_its_key_to_the_other_node_answers_the_same_and_runs_once() throws Exception {
        String orderId = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
        String order = """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"}}""".formatted(orderId);
        String payment = """
                {"captureMode":"MANUAL","redirectUrl":"https://shop.example/back","terminalType":"WEB"}""";

        HttpResponse<String> created = sameOnBoth("/v1/orders", order, nodeA, nodeB);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> started = sameOnBoth("/v1/orders/" + orderId + "/payments", payment, nodeB, nodeA);
        assertEquals(201, started.statusCode(), started.body());
        String paymentRequestId = json(started).path("paymentRequestId").asText();
        assertEquals(1, json(get(nodeA, "/v1/orders/" + orderId)).path("payments").size(), "one attempt, not two");

        antom.completePayment(json(started).path("paymentId").asText(), "4054695723100768", false);
        HttpResponse<String> synced = sameOnBoth("/v1/payments/" + paymentRequestId + "/sync", null, nodeA, nodeB);
        assertEquals("AUTHORIZED", json(synced).path("status").asText(), synced.body());
        HttpResponse<String> captured = sameOnBoth("/v1/payments/" + paymentRequestId + "/capture", null, nodeB, nodeA);
        assertEquals(202, captured.statusCode(), captured.body());
    }

    @Test
    void the_same_request_sent_to_both_nodes_at_once_runs_once() throws Exception {
        String orderId = "two-nodes-race-" + UUID.randomUUID().toString().substring(0, 8);
        post(nodeA, "/v1/orders", null, """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"}}""".formatted(orderId));
        String key = UUID.randomUUID().toString();
        String payment = """
                {"captureMode":"AUTOMATIC","redirectUrl":"https://shop.example/back","terminalType":"WEB"}""";
        int senders = 6;
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                StandaloneEngine node = i % 2 == 0 ? nodeA : nodeB;
                sent.add(threads.submit(() -> {
                    start.await();
                    return post(node, "/v1/orders/" + orderId + "/payments", key, payment);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        HttpResponse<String> settled = post(nodeB, "/v1/orders/" + orderId + "/payments", key, payment);
        assertEquals(201, settled.statusCode(), settled.body());
        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 201 && answer.body().equals(settled.body())
                            || answer.statusCode() == 409 && answer.body().contains("IDEMPOTENCY_KEY_IN_USE"),
                    () -> "the first answer or 'in use', not " + answer.statusCode() + " " + answer.body());
        }
        assertEquals(1, json(get(nodeA, "/v1/orders/" + orderId)).path("payments").size(), "one attempt, not two");
    }

    /** Sends the request with a new key to {@code first}, then again to {@code second}; both answer the same. */
    private static HttpResponse<String> sameOnBoth(String path, String json, StandaloneEngine first,
                                                   StandaloneEngine second) throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> original = post(first, path, key, json);
        HttpResponse<String> retried = post(second, path, key, json);
        assertEquals(original.statusCode(), retried.statusCode(), path);
        assertEquals(original.body(), retried.body(), path);
        assertEquals(original.headers().firstValue("Location"), retried.headers().firstValue("Location"), path);
        assertEquals(Optional.of("true"), retried.headers().firstValue("Idempotent-Replayed"), path);
        return original;
    }

    private static HttpResponse<String> post(StandaloneEngine node, String path, String key, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.localUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ServeEnvironment.API_KEY);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(StandaloneEngine node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.localUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ServeEnvironment.API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
