package org.payengine.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.PayEngineHttpServer;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.config.EngineConfiguration;
import org.payengine.bootstrap.config.ReconciliationConfiguration;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.crypto.SimulatorKeys;
import org.payengine.simulator.reports.SimulatorReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: the engine with its demo pages, a local Antom simulator and an embedded H2 database, all listening
 * on 127.0.0.1 only. The keys (in the simulator's layout, under {@code keys/}) and the merchant API key (in
 * {@code api-key}) are made on first run under the data directory and reused afterwards.
 */
public final class Demo {

    /** The loopback address everything of the demo listens on: nothing of it is reachable from elsewhere. */
    public static final String HOST = "127.0.0.1";
    static final String API_KEY_FILE = "api-key";
    static final String KEYS_DIRECTORY = "keys";

    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    private final Settings settings;
    private final AntomSimulator simulator;
    private final StandaloneEngine engine;
    private final String apiKey;

    private Demo(Settings settings, AntomSimulator simulator, StandaloneEngine engine, String apiKey) {
        this.settings = settings;
        this.simulator = simulator;
        this.engine = engine;
        this.apiKey = apiKey;
    }

    /**
     * @param port          the engine's port (0 picks a free one)
     * @param simulatorPort the simulator's port (0 picks a free one)
     * @param dataDirectory where the database, the keys and the API key live
     * @param webhook       where the engine posts its events, signed; empty to log them
     */
    public record Settings(int port, int simulatorPort, Path dataDirectory, Optional<WebhookSettings> webhook) {
        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(webhook, "webhook");
        }

        /** Events to the log. */
        public Settings(int port, int simulatorPort, Path dataDirectory) {
            this(port, simulatorPort, dataDirectory, Optional.empty());
        }
    }

    /** Starts the simulator and the engine side by side; stops what started when the other cannot. */
    public static Demo start(Settings settings) {
        Path data = settings.dataDirectory().toAbsolutePath().normalize();
        log.info("Demo data (database, keys, API key) under {}", data);
        String apiKey = apiKey(data.resolve(API_KEY_FILE));
        // The engine's URL is needed before it binds (the simulator's notify URL), so port 0 is resolved first.
        int port = settings.port() != 0 ? settings.port() : FreePort.pick(HOST);
        URI engineUrl = URI.create("http://" + HOST + ":" + port);
        String notifyUrl = engineUrl + PayEngineHttpServer.NOTIFICATION_PATH;
        // The keys in the simulator's layout: made on first run, then read by both sides from the files.
        Path keysDirectory = data.resolve(KEYS_DIRECTORY);
        SimulatorKeys keys = SimulatorKeys.loadOrCreate(keysDirectory);
        int simulatorPort = settings.simulatorPort() != 0 ? settings.simulatorPort() : FreePort.pick(HOST);
        // The simulator and the engine start side by side: neither needs the other until a payment is made.
        CompletableFuture<AntomSimulator> simulator = CompletableFuture.supplyAsync(() -> AntomSimulator.builder()
                .host(HOST)
                .port(simulatorPort)
                .keys(keys)
                .defaultNotifyUrl(notifyUrl)
                .control(true)
                .build()
                .start(), Demo::runInOwnThread);
        StandaloneEngine engine;
        try {
            AntomSettings antom = AntomSettings.builder()
                    .endpoint("http://" + HOST + ":" + simulatorPort)
                    .clientId(keys.clientId())
                    .merchantPrivateKeyFile(keysDirectory.resolve(SimulatorKeys.MERCHANT_PRIVATE))
                    .antomPublicKeyFile(keysDirectory.resolve(SimulatorKeys.ANTOM_PUBLIC))
                    .sandbox(true)
                    .notifyUrl(notifyUrl)
                    .build();
            EngineConfiguration configuration = new EngineConfiguration(
                    HttpSettings.of(HOST, port, List.of(apiKey), engineUrl).withDemoPages(true),
                    DatabaseSettings.embeddedUnder(data), antom, WorkerSettings.defaults(), true, Duration.ofSeconds(5),
                    settings.webhook(), ReconciliationConfiguration.forMerchant(AntomSimulator.defaultMerchantId(keys.clientId())));
            engine = StandaloneEngine.start(configuration);
        } catch (RuntimeException e) {
            simulator.thenAccept(AntomSimulator::stop);
            throw e;
        }
        try {
            return new Demo(settings, simulator.join(), engine, apiKey);
        } catch (CompletionException e) {
            engine.stop();
            throw new IllegalStateException("the Antom simulator cannot start on " + HOST + ":" + simulatorPort + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void runInOwnThread(Runnable task) {
        new Thread(task, "simulator-start").start();
    }

    public URI engineUrl() {
        return engine.localUrl();
    }

    public String apiKey() {
        return apiKey;
    }

    public AntomSimulator simulator() {
        return simulator;
    }

    public StandaloneEngine engine() {
        return engine;
    }

    /** Stops the engine gracefully, then the simulator. */
    public void stop() {
        engine.stop();
        simulator.stop();
    }

    /** What a person needs to use the demo: the URLs, the API key and a few test cards. */
    public void describe(PrintStream out) {
        URI url = engineUrl();
        out.println();
        out.println("PayEngine demo is running (stop it with Ctrl-C)");
        out.println();
        out.println("  Shop:            " + url + "/demo");
        out.println("  Orders:          " + url + "/demo/orders");
        out.println("  Reconciliation:  " + url + "/demo/reconciliation   (today's report: " + simulator.baseUrl()
                + "/sandbox/reports/transactions?date=" + SimulatorReports.dayOf(simulator.now()) + ")");
        out.println("  Merchant API:    " + url + "/v1/orders   (header  Authorization: Bearer <API key>)");
        out.println("  API key:         " + apiKey + "   (kept in " + settings.dataDirectory().resolve(API_KEY_FILE) + ")");
        out.println("  Health, metrics: " + url + "/health, " + url + "/metrics");
        out.println("  Antom simulator: " + simulator.baseUrl() + "   (client id " + simulator.clientId() + ")");
        out.println("  Data:            " + settings.dataDirectory() + "   (H2 database, keys/, api-key)");
        out.println("  Events:          " + settings.webhook().map(webhook -> "signed webhooks to " + webhook.url())
                .orElse("the log (set PAYENGINE_WEBHOOK_URL and PAYENGINE_WEBHOOK_SECRET for webhooks)"));
        out.println();
        out.println("  Cards on the hosted page (any name, a future expiry, CVV 123):");
        out.println("    4054695723100768  Visa, success          5162774114974622  Mastercard, success");
        out.println("    4054692760174822  Visa, declined         4000020000000109  Visa, 3DS challenge (code 1234)");
        out.println();
        out.println("  Try the API:");
        out.println("    curl -s -H 'Authorization: Bearer " + apiKey + "' -H 'Content-Type: application/json' \\");
        out.println("      -d '{\"referenceOrderId\":\"order-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}' \\");
        out.println("      " + url + "/v1/orders");
        out.println();
    }

    /** The demo's API key: read from the file, or made (256 random bits) and written there on first run. */
    static String apiKey(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (key.length() >= HttpSettings.MIN_API_KEY_LENGTH) {
                    return key;
                }
                throw new IllegalStateException(file + " holds no usable API key (at least "
                        + HttpSettings.MIN_API_KEY_LENGTH + " characters); delete it to have a new one made");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo's API key in " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
