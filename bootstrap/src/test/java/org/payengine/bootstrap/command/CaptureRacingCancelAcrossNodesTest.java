package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.testing.TwoNodesOnPostgres;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.payments.PaymentView;

/**
 * Two engine nodes on one PostgreSQL database, and the simulator as Antom: a merchant captures and cancels one
 * authorization at the same moment, each operation sent to both nodes at once (a thread barrier releases the four
 * requests together). Whichever operation wins, the engine ends where Antom did, the other operation is answered with
 * what happened, and no capture is left waiting for an answer (the background workers are off: nothing would settle
 * it). Rounds repeat until each operation has won at least once.
 */
class CaptureRacingCancelAcrossNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String APPROVED_CARD = "4054695723100768";
    private static final int MAX_ROUNDS = 60;

    private enum Winner { CAPTURE, CANCEL }

    private static TwoNodesOnPostgres nodes;
    private static AntomSimulator antom;
    private static StandaloneEngine nodeA;
    private static StandaloneEngine nodeB;

    @BeforeAll
    static void startTwoNodes(@TempDir Path data) {
        nodes = TwoNodesOnPostgres.start("CaptureRacingCancelAcrossNodesTest", data);
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
    void one_of_a_capture_and_a_cancel_sent_together_wins_the_other_learns_it_and_nothing_is_left_awaiting() throws Exception {
        Set<Winner> seen = EnumSet.noneOf(Winner.class);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            for (int round = 1; round <= MAX_ROUNDS && seen.size() < Winner.values().length; round++) {
                seen.add(race(round, senders));
            }
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertEquals(EnumSet.allOf(Winner.class), seen, "each operation wins some race within " + MAX_ROUNDS + " rounds");
    }

    /** One race on a new authorization: checks every answer and the end state, and says which operation won. */
    private Winner race(int round, ExecutorService senders) throws Exception {
        String paymentRequestId = authorizedManualCapture("race-" + round + "-" + UUID.randomUUID().toString().substring(0, 8));
        String capture = "/v1/payments/" + paymentRequestId + "/capture";
        String cancel = "/v1/payments/" + paymentRequestId + "/cancel";
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<HttpResponse<String>>> captures = new ArrayList<>();
        List<Future<HttpResponse<String>>> cancels = new ArrayList<>();
        // Which node gets which request alternates, so that neither operation always starts on the same node.
        StandaloneEngine first = round % 2 == 0 ? nodeA : nodeB;
        StandaloneEngine second = first == nodeA ? nodeB : nodeA;
        captures.add(senders.submit(() -> postWhen(together, first, capture)));
        cancels.add(senders.submit(() -> postWhen(together, second, cancel)));
        captures.add(senders.submit(() -> postWhen(together, second, capture)));
        cancels.add(senders.submit(() -> postWhen(together, first, cancel)));

        List<HttpResponse<String>> captureAnswers = answers(captures);
        List<HttpResponse<String>> cancelAnswers = answers(cancels);
        JsonNode payment = json(get(nodeB, "/v1/payments/" + paymentRequestId));
        PaymentView atAntom = antom.payment(payment.path("paymentId").asText()).orElseThrow();
        String where = "round " + round + ": captures " + describe(captureAnswers) + ", cancels "
                + describe(cancelAnswers) + ", payment " + payment + ", Antom " + atAntom.paymentStatus() + "/"
                + atAntom.captureStatus();

        String status = payment.path("status").asText();
        String captureStatus = payment.path("capture").path("status").asText(null);
        assertTrue(captureStatus == null || captureStatus.equals("SUCCEEDED") || captureStatus.equals("FAILED"),
                () -> "no capture is left awaiting an answer; " + where);
        if (status.equals("CAPTURED")) {
            assertEquals("SUCCEEDED", captureStatus, where);
            assertEquals(List.of("SUCCESS", "SUCCESS"), List.of(atAntom.paymentStatus(), atAntom.captureStatus()), where);
            for (HttpResponse<String> answer : captureAnswers) {
                assertTrue((answer.statusCode() == 200 || answer.statusCode() == 202)
                        && json(answer).path("status").asText().equals("SUCCEEDED"), where);
            }
            for (HttpResponse<String> answer : cancelAnswers) {
                assertTrue(answer.statusCode() == 409 && Set.of("ALREADY_CAPTURED", "CAPTURE_IN_PROGRESS")
                        .contains(errorCode(answer)), where);
            }
            return Winner.CAPTURE;
        }
        assertEquals("CANCELLED", status, where);
        assertEquals("CANCELLED", atAntom.paymentStatus(), where);
        for (HttpResponse<String> answer : cancelAnswers) {
            boolean cancelled = (answer.statusCode() == 200 || answer.statusCode() == 202)
                    && json(answer).path("status").asText().equals("CANCELLED");
            boolean waitedForTheCapture = answer.statusCode() == 409 && errorCode(answer).equals("CAPTURE_IN_PROGRESS");
            assertTrue(cancelled || waitedForTheCapture, where);
        }
        for (HttpResponse<String> answer : captureAnswers) {
            boolean refused = answer.statusCode() == 409 && errorCode(answer).equals("NOT_AUTHORIZED");
            boolean failed = answer.statusCode() == 202
                    && json(answer).path("status").asText().equals("FAILED");
            assertTrue(refused || failed, where);
        }
        return Winner.CANCEL;
    }

    /** A new order with a manual-capture payment the buyer paid: AUTHORIZED on both nodes. */
    private static String authorizedManualCapture(String orderId) throws Exception {
        HttpResponse<String> order = post(nodeA, "/v1/orders", """
                {"referenceOrderId":"%s","amount":{"currency":"SGD","value":"4200"}}""".formatted(orderId));
        assertEquals(201, order.statusCode(), order.body());
        HttpResponse<String> started = post(nodeB, "/v1/orders/" + orderId + "/payments", """
                {"captureMode":"MANUAL","redirectUrl":"https://shop.example/back","terminalType":"WEB"}""");
        assertEquals(201, started.statusCode(), started.body());
        String paymentRequestId = json(started).path("paymentRequestId").asText();
        antom.completePayment(json(started).path("paymentId").asText(), APPROVED_CARD, false);
        HttpResponse<String> synced = post(nodeA, "/v1/payments/" + paymentRequestId + "/sync", null);
        assertEquals("AUTHORIZED", json(synced).path("status").asText(), synced.body());
        return paymentRequestId;
    }

    private static HttpResponse<String> postWhen(CyclicBarrier together, StandaloneEngine node, String path)
            throws Exception {
        together.await(30, TimeUnit.SECONDS);
        return post(node, path, null);
    }

    private static List<HttpResponse<String>> answers(List<Future<HttpResponse<String>>> sent) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static String describe(List<HttpResponse<String>> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body()).toList().toString();
    }

    private static String errorCode(HttpResponse<String> answer) throws Exception {
        return json(answer).path("error").path("code").asText();
    }

    private static HttpResponse<String> post(StandaloneEngine node, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.localUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ServeEnvironment.API_KEY);
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
