package org.payengine.bootstrap.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.PostgresSchema;
import org.payengine.bootstrap.testing.RunningJar;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.workers.RecordingAntomProxy.Call;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;
import org.payengine.simulator.payments.PaymentView;

/**
 * Two engine nodes (the runnable jar, {@code serve}, workers on) on one PostgreSQL database, under a stream of
 * payments whose notifications Antom drops, whose inquiries and refunds Antom answers slowly and whose captures
 * time out unanswered, and of orders paid twice. Each node talks to Antom through a proxy that writes every call down,
 * so the test can see that no item was worked by both nodes at once, that no capture or refund went out under two
 * request ids, and that every payment ended right.
 */
class TwoNodesJarTest {

    private static final Path JAR = Path.of("target", "payengine.jar");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SUCCESS_CARD = "4054695723100768";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MANUAL_ORDERS = 6;
    private static final int DOUBLE_PAID_ORDERS = 3;

    @TempDir
    Path directory;

    @Test
    void two_nodes_on_one_database_work_each_item_one_at_a_time_and_settle_every_payment() throws Exception {
        Optional<PostgresSchema> postgres = PostgresSchema.create("TwoNodesJarTest (two engine nodes)");
        Assumptions.assumeTrue(postgres.isPresent(), "PAYENGINE_TEST_POSTGRES_URL is not set");
        List<Call> calls = new ArrayList<>();
        try (PostgresSchema schema = postgres.get();
             AntomSimulator antom = AntomSimulator.builder().port(0).build().start();
             RecordingAntomProxy proxyA = new RecordingAntomProxy("A", URI.create(antom.baseUrl()), calls);
             RecordingAntomProxy proxyB = new RecordingAntomProxy("B", URI.create(antom.baseUrl()), calls);
             Node nodeA = Node.start("node-a", antom, proxyA, schema, directory.resolve("a"));
             Node nodeB = Node.start("node-b", antom, proxyB, schema, directory.resolve("b"))) {
            List<Node> nodes = List.of(nodeA, nodeB);

            // Manual capture, half of the payment results dropped, inquiries answered slowly.
            antom.injectFault(Fault.of(FaultKind.DROP_NOTIFICATION, MANUAL_ORDERS / 2).forNotifyType("PAYMENT_RESULT"));
            antom.injectFault(Fault.of(FaultKind.HANG, 8).forApi("inquiryPayment").withHangSeconds(1.5));
            Map<String, String> manualPayments = new HashMap<>();
            int n;
            for (int i = 0; i < MANUAL_ORDERS; i++) {
                Node node = nodes.get(i % 2);
                String order = "manual-" + i;
                node.createOrder(order);
                String paymentId = node.startPayment(order, "MANUAL").get("paymentId").asText();
                manualPayments.put(order, paymentId);
                antom.completePayment(paymentId, SUCCESS_CARD, false);
            }
            // Each buyer lands on the shop's result page, which asks the engine for fresh data: a payment whose
            // notification was dropped is settled by that inquiry (the engine would otherwise ask only once the
            // notification is overdue, after the payment's expiry).
            n = 0;
            for (String order : manualPayments.keySet()) {
                nodes.get(n++ % 2).buyerReturns(order);
            }
            for (String order : manualPayments.keySet()) {
                nodeA.awaitPayment(order, 0, "AUTHORIZED");
            }
            // Captures that never reach Antom and time out: the follow-ups send them again, under the same id.
            antom.injectFault(Fault.of(FaultKind.HANG, MANUAL_ORDERS / 2).forApi("capture").withHangSeconds(7)
                    .withProcess(false));
            List<Thread> captures = new ArrayList<>();
            n = 0;
            for (String order : manualPayments.keySet()) {
                Node node = nodes.get(n++ % 2);
                Thread capture = new Thread(() -> node.capture(order));
                capture.start();
                captures.add(capture);
            }
            for (Thread capture : captures) {
                capture.join(PATIENCE.toMillis());
            }

            // Orders paid twice: the duplicate is captured at once, so it is refunded (slowly, at first).
            antom.injectFault(Fault.of(FaultKind.HANG, 2).forApi("refund").withHangSeconds(1.5));
            for (int i = 0; i < DOUBLE_PAID_ORDERS; i++) {
                String order = "twice-" + i;
                nodeA.createOrder(order);
                String first = nodeA.startPayment(order, "AUTOMATIC").get("paymentId").asText();
                String second = nodeB.startPayment(order, "AUTOMATIC").get("paymentId").asText();
                antom.completePayment(first, SUCCESS_CARD, false);
                nodeB.awaitPayment(order, 0, "CAPTURED");
                antom.completePayment(second, "5162774114974622", false);
            }

            for (String order : manualPayments.keySet()) {
                nodeB.awaitPayment(order, 0, "CAPTURED");
            }
            for (int i = 0; i < DOUBLE_PAID_ORDERS; i++) {
                nodeA.awaitPayment("twice-" + i, 0, "CAPTURED");
                nodeB.awaitPayment("twice-" + i, 1, "REFUNDED");
            }

            Map<String, String> paymentIds = nodeA.paymentIdsByRequestId(manualPayments.keySet(), DOUBLE_PAID_ORDERS);
            List<Call> recorded = RecordingAntomProxy.snapshot(calls);
            assertOneRequestIdPerCaptureAndRefund(recorded);
            assertNoItemWorkedByBothNodesAtOnce(recorded, paymentIds, manualPayments.values());
            for (int i = 0; i < DOUBLE_PAID_ORDERS; i++) {
                JsonNode payments = nodeA.order("twice-" + i).get("payments");
                PaymentView refunded = antom.payment(payments.get(1).get("paymentId").asText()).orElseThrow();
                assertEquals(1, refunded.refunds().size(), refunded.refunds().toString());
                assertEquals("4200", refunded.refunds().get(0).value());
                assertTrue(antom.payment(payments.get(0).get("paymentId").asText()).orElseThrow().refunds().isEmpty());
            }
            for (String paymentId : manualPayments.values()) {
                assertEquals(1, antom.payment(paymentId).orElseThrow().captures().size());
            }
            Map<String, Long> workedBy = recorded.stream().filter(call -> !call.api().equals("pay"))
                    .collect(Collectors.groupingBy(Call::node, Collectors.counting()));
            System.out.println("Calls to Antom other than pay, by node: " + workedBy);
        }
    }

    /** A capture is sent under one capture request id, a refund under one refund request id, however often. */
    private static void assertOneRequestIdPerCaptureAndRefund(List<Call> calls) {
        for (String api : List.of("capture", "refund")) {
            String idField = api + "RequestId";
            Map<String, Set<String>> idsByPayment = new HashMap<>();
            calls.stream().filter(call -> call.api().equals(api)).forEach(call -> idsByPayment
                    .computeIfAbsent(call.field("paymentId"), key -> new HashSet<>()).add(call.field(idField)));
            assertTrue(!idsByPayment.isEmpty(), "some " + api + " calls were made");
            idsByPayment.forEach((payment, ids) -> assertEquals(1, ids.size(), api + " of " + payment + " under " + ids));
        }
        assertTrue(calls.stream().filter(call -> call.api().equals("capture")).count() > MANUAL_ORDERS,
                "captures whose answers were lost were sent again");
    }

    /**
     * While one node works an item (inquiring about a payment, capturing, refunding it), the other never does the
     * same to the same payment. (The double-paid orders' inquiries are left out: when a payment result makes its
     * attempt wait for the capture, the capture follow-up may rightly ask while the payment follow-up's last inquiry
     * is still on its way.)
     */
    private static void assertNoItemWorkedByBothNodesAtOnce(List<Call> calls, Map<String, String> paymentIds,
                                                            java.util.Collection<String> manualPayments) {
        Map<String, List<Call>> byPaymentAndApi = new HashMap<>();
        for (Call call : calls) {
            if (call.api().equals("pay") || call.api().equals("consult")) {
                continue;
            }
            String paymentId = call.field("paymentId") != null ? call.field("paymentId")
                    : paymentIds.get(call.field("paymentRequestId"));
            if (call.api().equals("inquiryPayment") && !manualPayments.contains(paymentId)) {
                continue;
            }
            byPaymentAndApi.computeIfAbsent(paymentId + " " + call.api(), key -> new ArrayList<>()).add(call);
        }
        long checked = 0;
        for (Map.Entry<String, List<Call>> entry : byPaymentAndApi.entrySet()) {
            List<Call> same = entry.getValue();
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    Call one = same.get(i);
                    Call other = same.get(j);
                    checked++;
                    assertTrue(one.node().equals(other.node()) || !one.overlaps(other),
                            entry.getKey() + " worked by both nodes at once");
                }
            }
        }
        assertTrue(checked > 0, "there were calls to compare");
    }

    /** One engine process, its API and its environment. */
    private record Node(RunningJar jar, URI base) implements AutoCloseable {

        static Node start(String name, AntomSimulator antom, RecordingAntomProxy proxy, PostgresSchema schema,
                          Path data) throws Exception {
            int port = freePort();
            Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, data));
            environment.put("PAYENGINE_ANTOM_ENDPOINT", proxy.baseUrl());
            environment.put("PAYENGINE_ANTOM_READ_TIMEOUT_MILLIS", "5000");
            environment.put("PAYENGINE_DB_URL", schema.url());
            environment.put("PAYENGINE_DB_SCHEMA", schema.schema());
            environment.put("PAYENGINE_HTTP_PORT", Integer.toString(port));
            environment.put("PAYENGINE_PUBLIC_URL", "http://127.0.0.1:" + port);
            environment.put("PAYENGINE_WORKER_NODE_ID", name);
            environment.put("PAYENGINE_WORKER_IDLE_MILLIS", "200");
            environment.put("PAYENGINE_WORKER_LEASE_SECONDS", "20");
            environment.put("PAYENGINE_FOLLOW_UP_CALL_WINDOW_SECONDS", "10");
            environment.put("PAYENGINE_REMEDIATION_RETRY_SECONDS", "1");
            RunningJar jar = RunningJar.start(JAR, data.getParent(), environment, "serve");
            try {
                return new Node(jar, URI.create(jar.awaitLine("PayEngine serving on (http://\\S+)", PATIENCE)));
            } catch (AssertionError | InterruptedException failed) {
                jar.close();
                throw failed;
            }
        }

        void createOrder(String id) throws Exception {
            HttpResponse<String> created = Http.postJson(base.resolve("/v1/orders"), ServeEnvironment.API_KEY,
                    "{\"referenceOrderId\":\"" + id + "\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"},"
                            + "\"description\":\"Two coffees\"}");
            assertEquals(201, created.statusCode(), created.body());
        }

        JsonNode startPayment(String order, String captureMode) throws Exception {
            HttpResponse<String> started = Http.postJson(base.resolve("/v1/orders/" + order + "/payments"),
                    ServeEnvironment.API_KEY, "{\"captureMode\":\"" + captureMode + "\",\"redirectUrl\":"
                            + "\"https://shop.example/return\",\"terminalType\":\"WEB\",\"clientIp\":\"203.0.113.7\"}");
            assertEquals(201, started.statusCode(), started.body());
            return JSON.readTree(started.body());
        }

        /** The buyer is back on the shop's result page, which asks the engine to ask Antom. */
        void buyerReturns(String order) throws Exception {
            String attempt = order(order).at("/payments/0/paymentRequestId").asText();
            HttpResponse<String> answer = Http.postJson(base.resolve("/v1/payments/" + attempt + "/sync"),
                    ServeEnvironment.API_KEY, "{}");
            assertEquals(200, answer.statusCode(), answer.body());
        }

        void capture(String order) {
            try {
                String attempt = order(order).at("/payments/0/paymentRequestId").asText();
                HttpResponse<String> answer = Http.postJson(base.resolve("/v1/payments/" + attempt + "/capture"),
                        ServeEnvironment.API_KEY, "{}");
                assertTrue(answer.statusCode() == 202 || answer.statusCode() == 200, answer.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        JsonNode order(String id) throws Exception {
            HttpResponse<String> answer = Http.getAuthorized(base.resolve("/v1/orders/" + id), ServeEnvironment.API_KEY);
            assertEquals(200, answer.statusCode(), answer.body());
            return JSON.readTree(answer.body());
        }

        void awaitPayment(String order, int index, String status) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                JsonNode payment = order(order).get("payments").get(index);
                if (payment != null && status.equals(payment.get("status").asText())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("payment " + index + " of " + order + " is still " + payment);
                }
                Thread.sleep(200);
            }
        }

        /** Antom's payment id of every attempt of these orders, by payment request id. */
        Map<String, String> paymentIdsByRequestId(Set<String> manualOrders, int doublePaid) throws Exception {
            List<String> orders = new ArrayList<>(manualOrders);
            for (int i = 0; i < doublePaid; i++) {
                orders.add("twice-" + i);
            }
            Map<String, String> ids = new HashMap<>();
            for (String order : orders) {
                for (JsonNode payment : order(order).get("payments")) {
                    ids.put(payment.get("paymentRequestId").asText(), payment.get("paymentId").asText());
                }
            }
            return ids;
        }

        @Override
        public void close() throws InterruptedException {
            if (jar.terminate(PATIENCE).isEmpty()) {
                jar.close();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
