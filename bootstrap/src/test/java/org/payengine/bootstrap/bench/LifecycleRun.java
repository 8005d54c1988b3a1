package org.payengine.bootstrap.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.payengine.bootstrap.config.Setting;
import org.payengine.bootstrap.testing.RunningJar;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.simulator.crypto.SimulatorKeys;

/**
 * One run of the lifecycle benchmark: the engine ({@code serve}, workers on, embedded H2) and the simulator, each a
 * process of its own; orders with manual capture whose buyers pay on the hosted page after a while, each captured by
 * the merchant when the engine's {@code order.authorized} event reaches its webhook endpoint, counted paid at
 * {@code order.paid}. What the engine spends is read from its process around the measured orders, and again over an
 * idle window once nothing is pending.
 */
final class LifecycleRun {

    /** What one run measured. CPU times in milliseconds. */
    record Result(int orders, double engineCpuMillis, double engineCpuWhileCreatingMillis, Duration wall,
                  Map<String, Long> antomCalls, Map<String, Long> antomCallsWhileIdle, double idleCpuMillis,
                  Duration idleWindow, double rsaFloorMillis, double simulatorCpuMillis,
                  Map<String, Double> engineThreads, Map<String, Double> idleThreads, Map<String, Long> otherEvents,
                  String loadBefore,
                  String loadAfter) {
    }

    static final String SUCCESS_CARD = "4054695723100768";
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final String WEBHOOK_SECRET = "lifecycle-benchmark-webhook-secret";
    private static final int RSA_PAYMENTS = 2_000;

    private final LifecycleOptions options;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> otherEvents = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> merchantFailure = new AtomicReference<>();
    private volatile CountDownLatch batchPaid = new CountDownLatch(0);
    private volatile MerchantApiClient api;

    LifecycleRun(LifecycleOptions options) {
        this.options = options;
    }

    Result measure(Path workDirectory) throws Exception {
        Path keysDirectory = workDirectory.resolve("keys");
        SimulatorKeys keys = SimulatorKeys.generate();
        keys.writeTo(keysDirectory);
        RsaFloor rsa = new RsaFloor(keys.merchantPrivateKey().orElseThrow(), keys.antomPrivateKey(), keys.antomPublicKey());
        ScheduledExecutorService buyers = Executors.newScheduledThreadPool(options.threads());
        System.out.printf("starting the simulator (java -jar %s simulator %s)%n", options.jar(),
                String.join(" ", options.simulatorArgs()));
        try (SimulatorProcess antom = SimulatorProcess.start(options.jar(), workDirectory, keysDirectory, "-Xmx256m",
                     options.simulatorArgs());
             MerchantEndpoint merchant = MerchantEndpoint.start(options.threads(), this::react);
             RunningJar engine = startEngine(workDirectory, keysDirectory, keys.clientId(), antom, merchant)) {
            Thread killer = new Thread(() -> {
                engine.close();
                antom.close();
            }, "stop-processes");
            Runtime.getRuntime().addShutdownHook(killer); // also when the driver is interrupted
            try {
                api = new MerchantApiClient(URI.create(engine.awaitLine("PayEngine serving on (http://\\S+)", STARTUP)));
                double rsaBefore = rsa.millisPerPayment(RSA_PAYMENTS);
                if (options.warmupOrders() > 0) {
                    System.out.printf("warm-up: %d orders, buyers paying at once...%n", options.warmupOrders());
                    runBatch("warmup", options.warmupOrders(), new Random(options.seed()), Duration.ZERO, Duration.ZERO,
                            antom, buyers, engine);
                    Thread.sleep(options.settle().toMillis()); // the warm-up's last events are delivered
                }
                String loadBefore = loadAverage();
                antom.resetCallCounts();
                System.out.printf("measured: %d orders, buyers paying after %d-%d s (seed %d)...%n", options.orders(),
                        options.minDelay().toSeconds(), options.maxDelay().toSeconds(), options.seed());
                Map<String, Double> threadsBefore = ThreadCpu.byGroup(engine.pid());
                double simulatorBefore = antom.cpuTime().toNanos() / 1e6;
                double start = cpuMillis(engine);
                long wallStart = System.nanoTime();
                double created = runBatch("order", options.orders(), new Random(options.seed()), options.minDelay(),
                        options.maxDelay(), antom, buyers, engine) - start;
                double end = cpuMillis(engine);
                Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
                Map<String, Double> engineThreads = ThreadCpu.between(threadsBefore, ThreadCpu.byGroup(engine.pid()));
                double simulatorCpu = antom.cpuTime().toNanos() / 1e6 - simulatorBefore;
                Map<String, Long> calls = antom.callsPerApi();

                System.out.printf("all paid in %d s; settling %d s, then idle for %d s...%n", wall.toSeconds(),
                        options.settle().toSeconds(), options.idle().toSeconds());
                Thread.sleep(options.settle().toMillis());
                double idleStart = cpuMillis(engine);
                Map<String, Double> idleThreadsBefore = ThreadCpu.byGroup(engine.pid());
                long idleWallStart = System.nanoTime();
                Thread.sleep(options.idle().toMillis());
                double idleCpu = cpuMillis(engine) - idleStart;
                Map<String, Double> idleThreads = ThreadCpu.between(idleThreadsBefore, ThreadCpu.byGroup(engine.pid()));
                Duration idleWindow = Duration.ofNanos(System.nanoTime() - idleWallStart);
                Map<String, Long> callsAfter = antom.callsPerApi();
                Map<String, Long> callsWhileIdle = new HashMap<>();
                callsAfter.forEach((name, count) -> callsWhileIdle.put(name, count - calls.getOrDefault(name, 0L)));
                String loadAfter = loadAverage();
                double rsaAfter = rsa.millisPerPayment(RSA_PAYMENTS);
                expectAllPaid("order", options.orders());
                if (engine.terminate(STARTUP).isEmpty()) {
                    System.out.println("the engine did not stop within " + STARTUP + ":\n" + engine.output());
                }
                return new Result(options.orders(), end - start, created, wall, calls, callsWhileIdle, idleCpu,
                        idleWindow, (rsaBefore + rsaAfter) / 2, simulatorCpu, engineThreads, idleThreads, Map.copyOf(otherEvents),
                        loadBefore, loadAfter);
            } finally {
                Runtime.getRuntime().removeShutdownHook(killer);
            }
        } finally {
            buyers.shutdownNow();
        }
    }

    private RunningJar startEngine(Path workDirectory, Path keys, String clientId, SimulatorProcess antom,
                                   MerchantEndpoint merchant) throws IOException {
        int port = freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put(Setting.HTTP_HOST.variable(), "127.0.0.1");
        environment.put(Setting.HTTP_PORT.variable(), Integer.toString(port));
        environment.put(Setting.PUBLIC_URL.variable(), "http://127.0.0.1:" + port);
        environment.put(Setting.API_KEYS.variable(), ServeEnvironment.API_KEY);
        environment.put(Setting.DATA_DIR.variable(), workDirectory.resolve("data").toString());
        environment.put(Setting.ANTOM_ENDPOINT.variable(), antom.baseUrl());
        environment.put(Setting.ANTOM_CLIENT_ID.variable(), clientId);
        environment.put(Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE.variable(),
                keys.resolve(SimulatorKeys.MERCHANT_PRIVATE).toString());
        environment.put(Setting.ANTOM_PUBLIC_KEY_FILE.variable(), keys.resolve(SimulatorKeys.ANTOM_PUBLIC).toString());
        environment.put(Setting.ANTOM_SANDBOX.variable(), "true");
        environment.put(Setting.WORKERS.variable(), "true");
        environment.put(Setting.WEBHOOK_URL.variable(), merchant.url());
        environment.put(Setting.WEBHOOK_SECRET.variable(), WEBHOOK_SECRET);
        environment.put(Setting.SHUTDOWN_GRACE_SECONDS.variable(), "10");
        environment.putAll(options.engineSettings());
        environment.put("JAVA_TOOL_OPTIONS", ("-Xmx256m " + options.engineJvmArgs()).strip());
        System.out.printf("starting the engine (java -Xmx256m -jar %s serve, workers on, embedded H2)%n", options.jar());
        return RunningJar.start(options.jar(), workDirectory, environment, "serve");
    }

    /**
     * Creates {@code count} orders and starts their attempts, has each buyer pay after a delay drawn from
     * {@code delays} in the orders' sequence, and waits until the merchant saw every order paid.
     *
     * @return the engine's CPU milliseconds when the last order was created, read as it happened
     */
    private double runBatch(String kind, int count, Random delays, Duration minDelay, Duration maxDelay,
                            SimulatorProcess antom, ScheduledExecutorService buyers, RunningJar engine)
            throws Exception {
        List<Map.Entry<String, Long>> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            long delay = minDelay.toMillis() + (long) (delays.nextDouble() * (maxDelay.toMillis() - minDelay.toMillis()));
            orders.add(Map.entry(orderId(kind, i), delay));
        }
        batchPaid = new CountDownLatch(count);
        Parallel.forEach(options.threads(), orders, order -> {
            MerchantApiClient.StartedPayment payment = api.createOrderAndStart(order.getKey());
            buyers.schedule(() -> payOrReport(antom, payment.paymentId()), order.getValue(), TimeUnit.MILLISECONDS);
        });
        double createdAt = cpuMillis(engine);
        if (!batchPaid.await(options.patience().toMillis(), TimeUnit.MILLISECONDS) || merchantFailure.get() != null) {
            throw new IllegalStateException(batchPaid.getCount() + " of " + count + " orders not paid within "
                    + options.patience() + (merchantFailure.get() == null ? "" : ": " + merchantFailure.get()));
        }
        return createdAt;
    }

    private void payOrReport(SimulatorProcess antom, String paymentId) {
        try {
            antom.buyerPays(paymentId, SUCCESS_CARD);
        } catch (RuntimeException e) {
            merchantFailure.compareAndSet(null, e);
        }
    }

    /** The merchant: captures what is authorized, counts what is paid. */
    private void react(MerchantEndpoint.Event event) {
        try {
            switch (event.type()) {
                case "order.authorized" -> api.capture(event.data().path("attempt").asText());
                case "order.paid" -> {
                    if (paid.add(event.referenceOrderId())) {
                        batchPaid.countDown();
                    }
                }
                default -> otherEvents.merge(event.type(), 1L, Long::sum);
            }
        } catch (RuntimeException e) {
            merchantFailure.compareAndSet(null, e);
        }
    }

    private void expectAllPaid(String kind, int count) {
        for (int i = 1; i <= count; i++) {
            String status = api.orderStatus(orderId(kind, i));
            if (!"PAID".equals(status)) {
                throw new IllegalStateException("order " + orderId(kind, i) + " is " + status + ", not PAID");
            }
        }
    }

    private String orderId(String kind, int index) {
        return "life-" + kind + "-" + runId + "-" + index;
    }

    private static double cpuMillis(RunningJar process) {
        return process.cpuTime().orElseThrow(() -> new IllegalStateException("the engine's CPU time is not readable"))
                .toNanos() / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
