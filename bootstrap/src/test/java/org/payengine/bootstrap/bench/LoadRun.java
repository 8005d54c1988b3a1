package org.payengine.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.payengine.adapters.antom.AntomPaymentGateway;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.adapters.persistence.FloorTable;
import org.payengine.adapters.persistence.Measurement;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentRequest;
import org.payengine.bootstrap.config.Setting;
import org.payengine.bootstrap.testing.RunningJar;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.bootstrap.testing.WebhookReceiver;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.wire.AntomResult;

/**
 * The load benchmark on one database: the runnable engine ({@code java -Xmx256m -jar payengine.jar serve}, workers
 * off) as a child process, the Antom simulator embedded in this process, and the two workloads, each after its floor:
 * <ol>
 *   <li>payments: create an order and start its attempt through the API (the engine calls {@code pay} at Antom),
 *       against {@code pay} called through the same SDK client straight at the simulator;</li>
 *   <li>notifications: post Antom's signed {@code PAYMENT_RESULT} of a pending attempt to the engine (verified,
 *       stored, applied, acknowledged), against verifying the same signature and inserting and committing one row
 *       on the same database.</li>
 * </ol>
 */
final class LoadRun {

    /** Where the engine keeps its data: its {@code PAYENGINE_DB_*} settings, and the floor's database beside it. */
    record Target(String name, Map<String, String> engineSettings, DatabaseSettings floorDatabase) {
    }

    static final double PAYMENT_AIM = 0.80;
    static final double NOTIFICATION_AIM = 0.60;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ACKNOWLEDGEMENT = AntomResult.SUCCESS.asBody();

    private final LoadOptions options;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();

    LoadRun(LoadOptions options) {
        this.options = options;
    }

    List<LoadRow> measure(Target target, Path workDirectory) throws Exception {
        List<LoadRow> rows = new ArrayList<>();
        try (AntomSimulator antom = AntomSimulator.builder().port(0).build().start();
             WebhookReceiver recorder = WebhookReceiver.acknowledging(ACKNOWLEDGEMENT.toString());
             RunningJar engine = startEngine(target, antom, recorder, workDirectory)) {
            Thread killer = new Thread(engine::close, "stop-engine");
            Runtime.getRuntime().addShutdownHook(killer); // also when the driver is interrupted
            try {
                URI base = URI.create(engine.awaitLine("PayEngine serving on (http://\\S+)", PATIENCE));
                MerchantApiClient api = new MerchantApiClient(base);
                CpuMeter cpu = new CpuMeter(engine);
                ConcurrentLinkedQueue<String> pendingPayments = new ConcurrentLinkedQueue<>();
                rows.add(payments(target, antom, recorder, api, cpu, pendingPayments));
                rows.add(notifications(target, antom, recorder, api, cpu, new ArrayList<>(pendingPayments)));
                if (engine.terminate(PATIENCE).isEmpty()) {
                    System.out.println("the engine did not stop within " + PATIENCE + ":\n" + engine.output());
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(killer);
            }
        }
        return rows;
    }

    private RunningJar startEngine(Target target, AntomSimulator antom, WebhookReceiver recorder, Path workDirectory)
            throws IOException {
        Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, workDirectory.resolve("data")));
        environment.putAll(target.engineSettings());
        // the API and notifications alone: the workers' deliveries and follow-ups are counted by the lifecycle benchmark
        environment.put(Setting.WORKERS.variable(), "false");
        // Antom's notifications go to the recorder; the driver replays them to the engine
        environment.put(Setting.ANTOM_NOTIFY_URL.variable(), recorder.url(AntomNotifications.NOTIFY_PATH));
        environment.put("JAVA_TOOL_OPTIONS", ("-Xmx256m " + options.engineJvmArgs()).strip());
        System.out.printf("%s: starting the engine (java -Xmx256m -jar %s serve)%n", target.name(), options.jar());
        return RunningJar.start(options.jar(), workDirectory, environment, "serve");
    }

    private LoadRow payments(Target target, AntomSimulator antom, WebhookReceiver recorder, MerchantApiClient api,
                             CpuMeter cpu, ConcurrentLinkedQueue<String> pendingPayments) {
        AntomPaymentGateway sdk = AntomPaymentGateway.create(AntomSettings.builder().endpoint(antom.baseUrl())
                .clientId(antom.clientId()).merchantPrivateKey(antom.merchantPrivateKey())
                .antomPublicKey(antom.antomPublicKey()).sandbox(true)
                .notifyUrl(recorder.url(AntomNotifications.NOTIFY_PATH)).build());
        System.out.printf("%s: pay at Antom through the SDK (floor)...%n", target.name());
        Measurement floor = Measurement.run(options.threads(), options.warmup(), options.measured(), cpu,
                () -> payAtAntom(sdk, nextId("floor")));
        double floorCpu = cpu.driverMillisPer(floor.commits());

        System.out.printf("%s: order + attempt through the engine's API...%n", target.name());
        Measurement engine = Measurement.run(options.threads(), options.warmup(), options.measured(), cpu,
                () -> pendingPayments.add(api.createOrderAndStartPayment(nextId("order"))));
        return new LoadRow(target.name(), "order + attempt (API)", "pay through the SDK", options.threads(), engine,
                floor, PAYMENT_AIM, cpu.engineMillisPer(engine.commits()), cpu.driverMillisPer(engine.commits()),
                floorCpu);
    }

    private LoadRow notifications(Target target, AntomSimulator antom, WebhookReceiver recorder,
                                  MerchantApiClient api, CpuMeter cpu, List<String> pendingPayments) throws Exception {
        List<String> toPay = new ArrayList<>(pendingPayments);
        int missing = Math.max(0, options.notificationOrders() - toPay.size());
        System.out.printf("%s: preparing %d signed notifications (%d more orders through the API, not measured)...%n",
                target.name(), Math.max(toPay.size(), options.notificationOrders()), missing);
        List<String> more = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            more.add(nextId("order"));
        }
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        Parallel.forEach(options.threads(), more, id -> created.add(api.createOrderAndStartPayment(id)));
        toPay.addAll(created);
        List<WebhookReceiver.Received> notifications =
                AntomNotifications.paymentsSucceeded(antom, recorder, toPay, options.threads());

        PublicKey antomKey = antom.keys().antomPublicKey();
        Measurement floor;
        double floorCpu;
        System.out.printf("%s: verify + insert and commit one row (floor)...%n", target.name());
        try (Database floorDatabase = Database.open(target.floorDatabase())) {
            FloorTable table = FloorTable.createIn(floorDatabase);
            AtomicInteger nextFloor = new AtomicInteger();
            floor = Measurement.run(options.threads(), options.warmup(), options.measured(), cpu, () -> {
                WebhookReceiver.Received notification =
                        notifications.get(Math.floorMod(nextFloor.getAndIncrement(), notifications.size()));
                if (!AntomNotifications.isSignedByAntom(notification, antomKey)) {
                    throw new IllegalStateException("a notification's signature does not verify");
                }
                return table.insertOneRow("notification");
            });
            floorCpu = cpu.driverMillisPer(floor.commits());
        }

        System.out.printf("%s: notifications to the engine...%n", target.name());
        // The warm-up sends the first half, then sends those again (duplicates, acknowledged from the inbox) until
        // it ends, so the measured window always has the second half, unsent, to itself.
        int warmupShare = notifications.size() / 2;
        long warmupEnds = System.nanoTime() + options.warmup().toNanos();
        AtomicInteger nextWarmup = new AtomicInteger();
        AtomicInteger nextMeasured = new AtomicInteger(warmupShare);
        Measurement engine = Measurement.run(options.threads(), options.warmup(), options.measured(), cpu, () -> {
            if (System.nanoTime() < warmupEnds) {
                int index = Math.floorMod(nextWarmup.getAndIncrement(), Math.max(1, warmupShare));
                acknowledged(api.postNotification(notifications.get(index)));
                return true;
            }
            int index = nextMeasured.getAndIncrement();
            if (index >= notifications.size()) {
                return false; // every prepared notification is sent: the window ends early
            }
            acknowledged(api.postNotification(notifications.get(index)));
            return true;
        });
        LoadRow row = new LoadRow(target.name(), "signed notification ingested", "verify + insert + commit",
                options.threads(), engine, floor, NOTIFICATION_AIM, cpu.engineMillisPer(engine.commits()),
                cpu.driverMillisPer(engine.commits()), floorCpu);
        api.expectAuthorized(notifications.get(nextMeasured.get() > warmupShare ? warmupShare : 0));
        return row;
    }

    private static boolean payAtAntom(AntomPaymentGateway sdk, String id) {
        PaymentOptions attempt = PaymentOptions.hostedCard(MerchantApiClient.REDIRECT_URL,
                TerminalEnvironment.of(TerminalType.WEB, MerchantApiClient.CLIENT_IP)).captureMode(CaptureMode.MANUAL)
                .build();
        PaymentRequest request = new PaymentRequest(PaymentRequestId.of(id), ReferenceOrderId.of(id),
                MerchantApiClient.DESCRIPTION, Money.of("SGD", MerchantApiClient.AMOUNT_MINOR),
                Buyer.withId(MerchantApiClient.BUYER), List.of(), attempt,
                Instant.now().plus(PaymentOptions.DEFAULT_EXPIRY));
        GatewayOutcome<?> outcome = sdk.pay(request);
        if (!(outcome instanceof GatewayOutcome.Completed<?> completed && completed.value() instanceof PaymentInProcess)) {
            throw new IllegalStateException("pay at Antom answered " + outcome);
        }
        return true;
    }

    private static void acknowledged(HttpResponse<String> answer) {
        MerchantApiClient.expect(200, answer);
        try {
            if (!ACKNOWLEDGEMENT.equals(JSON.readTree(answer.body()))) {
                throw new IllegalStateException("the engine answered a notification with " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String nextId(String kind) {
        return "load-" + kind + "-" + runId + "-" + sequence.incrementAndGet();
    }
}
