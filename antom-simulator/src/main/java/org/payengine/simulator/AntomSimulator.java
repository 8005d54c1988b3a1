package org.payengine.simulator;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.payengine.simulator.api.AntomGateway;
import org.payengine.simulator.clock.Scheduler;
import org.payengine.simulator.clock.SimulatedClock;
import org.payengine.simulator.control.ControlApi;
import org.payengine.simulator.control.SandboxControl;
import org.payengine.simulator.crypto.PemKeys;
import org.payengine.simulator.crypto.SelfSignedCertificate;
import org.payengine.simulator.crypto.SimulatorKeys;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.Faults;
import org.payengine.simulator.hosted.HostedCheckout;
import org.payengine.simulator.notify.Notifier;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.CardEntry;
import org.payengine.simulator.payments.Checkout;
import org.payengine.simulator.payments.PaymentView;
import org.payengine.simulator.reports.ReportLayout;
import org.payengine.simulator.reports.ReportsApi;
import org.payengine.simulator.reports.ReportsSftpServer;
import org.payengine.simulator.reports.SimulatorReports;
import org.payengine.simulator.traffic.CallStats;
import org.payengine.simulator.traffic.Latencies;
import org.payengine.simulator.traffic.RateLimits;
import org.payengine.simulator.traffic.Traffic;

/**
 * A local, stateful, wire-faithful Antom: the payment APIs (signed both ways), the hosted card
 * page, signed notifications on Antom's retry schedule, a simulated clock and fault injection.
 *
 * <pre>{@code
 * try (AntomSimulator antom = AntomSimulator.builder().port(0).tls(true).build().start()) {
 *     AlipayClient client = new DefaultAlipayClient(antom.baseUrl(), antom.merchantPrivateKey(),
 *             antom.antomPublicKey(), antom.clientId());
 *     // pay, then let the buyer pay:
 *     antom.completePayment(paymentId, "4054695723100768", false);
 *     antom.advanceClock(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>Everything the control API can do over HTTP ({@code /sandbox/...}) is available here as
 * methods too; see the module README for the test cards and the fault catalogue.
 */
public final class AntomSimulator implements AutoCloseable {

    /** In the keys directory: the SFTP server's password and host key. */
    public static final String SFTP_PASSWORD = "sftp_password";
    public static final String SFTP_HOST_KEY = "sftp_host_key";

    private final Builder settings;
    private final SimulatorKeys keys;
    private final Scheduler scheduler;
    private final Faults faults = new Faults();
    private final Traffic traffic = new Traffic();
    private final SandboxControl control;
    private final HttpHandler root;
    private final SimulatorReports reports;
    private ReportsSftpServer sftp;
    private String sftpPassword;
    private Undertow server;
    private String baseUrl;

    private AntomSimulator(Builder settings) {
        this.settings = settings;
        this.keys = settings.keys != null ? settings.keys
                : settings.keysDirectory != null ? SimulatorKeys.loadOrCreate(settings.keysDirectory)
                : SimulatorKeys.generate();
        this.scheduler = new Scheduler(new SimulatedClock(settings.timeScale,
                settings.startTime != null ? settings.startTime : Instant.now()));
        Notifier notifier = new Notifier(scheduler, keys.antomPrivateKey(), keys.clientId(), faults);
        Acquirer acquirer = new Acquirer(scheduler, notifier, settings.defaultNotifyUrl, settings.buyerRetriesAfterDecline);
        Checkout checkout = new Checkout(acquirer);
        this.control = new SandboxControl(acquirer, checkout, scheduler, faults, traffic);
        settings.limits.forEach(control::limit);
        settings.latencies.forEach(control::latency);
        AntomGateway gateway = new AntomGateway(keys.clientId(), keys.merchantPublicKey(), keys.antomPrivateKey(),
                faults, acquirer, () -> settings.publicBaseUrl, settings.unsignedGatewayErrors, settings.strict, traffic);
        HostedCheckout hostedPage = new HostedCheckout(acquirer, checkout);
        ControlApi controlApi = settings.control ? new ControlApi(control) : null;
        this.reports = new SimulatorReports(settings.merchantId != null ? settings.merchantId
                : defaultMerchantId(keys.clientId()), acquirer::payments);
        ReportsApi reportsApi = settings.control ? new ReportsApi(reports) : null;
        this.root = exchange -> route(exchange, gateway, hostedPage, controlApi, reportsApi);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving. */
    public synchronized AntomSimulator start() {
        if (server != null) {
            return this;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Undertow.Builder undertow = Undertow.builder()
                .setIoThreads(Math.max(2, cores))
                .setWorkerThreads(Math.max(8, cores * 4))
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024)
                .setHandler(root);
        if (settings.tls) {
            SelfSignedCertificate certificate = settings.keysDirectory != null
                    ? SelfSignedCertificate.loadOrCreate(settings.keysDirectory) : SelfSignedCertificate.generate();
            undertow.addHttpsListener(settings.port, settings.host, certificate.serverContext());
        } else {
            undertow.addHttpListener(settings.port, settings.host);
        }
        server = undertow.build();
        server.start();
        if (settings.sftpPort != null) {
            sftp = new ReportsSftpServer(settings.host, settings.sftpPort, reports,
                    () -> SimulatorReports.dayOf(scheduler.clock().now()), settings.reportLayout, sftpPassword(),
                    settings.keysDirectory == null ? null : settings.keysDirectory.resolve(SFTP_HOST_KEY)).start();
        }
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        baseUrl = (settings.tls ? "https://" : "http://") + host + ":" + address.getPort();
        return this;
    }

    /** Stops serving and stops the clock's work (pending notifications are not sent). */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (sftp != null) {
            sftp.close();
            sftp = null;
        }
        scheduler.close();
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------ what a client needs

    /** {@code http://127.0.0.1:PORT} or {@code https://…}: the gateway URL to give the SDK. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return baseUrl;
    }

    public int port() {
        return Integer.parseInt(baseUrl().substring(baseUrl().lastIndexOf(':') + 1));
    }

    public String clientId() {
        return keys.clientId();
    }

    /** The merchant private key, Base64 PKCS#8 as the SDK takes it (known when the simulator generated it). */
    public String merchantPrivateKey() {
        return PemKeys.base64(keys.merchantPrivateKey().orElseThrow(() ->
                new IllegalStateException("the keys directory holds no merchant private key")));
    }

    /** The merchant public key, Base64 X.509 (what the merchant would upload to Antom). */
    public String merchantPublicKey() {
        return PemKeys.base64(keys.merchantPublicKey());
    }

    /** Antom's public key, Base64 X.509, to verify responses and notifications. */
    public String antomPublicKey() {
        return PemKeys.base64(keys.antomPublicKey());
    }

    public SimulatorKeys keys() {
        return keys;
    }

    /** Whether the control API is served under {@code /sandbox/}. */
    public boolean controlEnabled() {
        return settings.control;
    }

    /** Simulated seconds per real second. */
    public double timeScale() {
        return settings.timeScale;
    }

    /** The merchant id Antom gave the merchant: the reports' {@code customerId} and the SFTP user name. */
    public String merchantId() {
        return reports.merchantId();
    }

    /** The reports of the payments processed so far, in Antom's layouts. */
    public SimulatorReports reports() {
        return reports;
    }

    /** Antom's SFTP server with the reports, when asked for with {@code sftpPort}. */
    public Optional<ReportsSftpServer> sftp() {
        return Optional.ofNullable(sftp);
    }

    // ------------------------------------------------------------------ programmatic control

    /** The control API for Java callers. */
    public SandboxControl sandbox() {
        return control;
    }

    /** The buyer pays with {@code cardNumber} (valid expiry and CVV); any challenge is passed. */
    public PaymentView completePayment(String paymentId, String cardNumber, boolean saveCard) {
        return control.complete(paymentId, CardEntry.card(cardNumber, saveCard));
    }

    /** The buyer pays with exactly these details. */
    public PaymentView completePayment(String paymentId, CardEntry card) {
        return control.complete(paymentId, card);
    }

    /** The simulator's view of a payment, with its notifications and their deliveries. */
    public Optional<PaymentView> payment(String paymentId) {
        return control.view(paymentId);
    }

    /** Moves the simulated clock forward; due expiries, releases and notification sends fire before this returns. */
    public Instant advanceClock(Duration by) {
        return control.advance(by);
    }

    public Instant now() {
        return control.now();
    }

    /** Waits (real time) until no scheduled work is due or running, e.g. a notification just triggered. */
    public boolean awaitIdle(Duration timeout) {
        return control.awaitIdle(timeout);
    }

    public void injectFault(Fault fault) {
        control.inject(fault);
    }

    public void clearFaults() {
        control.clearFaults();
    }

    public List<Fault> armedFaults() {
        return control.armedFaults();
    }

    /**
     * A merchant id as Antom's look (16 digits, {@code 2188…}), the same for the same client id, so a keys directory
     * keeps its merchant across restarts.
     */
    public static String defaultMerchantId(String clientId) {
        long digits = Math.floorMod((long) clientId.hashCode() * 2_654_435_761L, 1_000_000_000_000L);
        return "2188" + String.format("%012d", digits);
    }

    /** The SFTP password: kept in the keys directory (made when missing), or made once in memory. */
    private synchronized String sftpPassword() {
        if (sftpPassword != null) {
            return sftpPassword;
        }
        byte[] random = new byte[12];
        new java.security.SecureRandom().nextBytes(random);
        String made = java.util.HexFormat.of().formatHex(random);
        if (settings.keysDirectory != null) {
            Path file = settings.keysDirectory.resolve(SFTP_PASSWORD);
            try {
                if (java.nio.file.Files.exists(file)) {
                    made = java.nio.file.Files.readString(file).strip();
                } else {
                    java.nio.file.Files.createDirectories(settings.keysDirectory);
                    java.nio.file.Files.writeString(file, made + "\n");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot keep the SFTP password in " + file, e);
            }
        }
        sftpPassword = made;
        return made;
    }

    /** The calls received per API (and how many were rate-limited), since the start or {@code sandbox().resetStats()}. */
    public CallStats.Snapshot stats() {
        return control.stats();
    }

    /** Limits every client to {@code perSecond} calls a second of {@code api}, answered {@code REQUEST_TRAFFIC_EXCEED_LIMIT}. */
    public void limit(String api, double perSecond) {
        control.limit(api, perSecond);
    }

    /** Holds the answers of {@code api} for {@code latency} (real time), as Antom's own answer times would. */
    public void latency(String api, Duration latency) {
        control.latency(api, latency);
    }

    private static void route(HttpServerExchange exchange, AntomGateway gateway, HostedCheckout checkout,
                              ControlApi controlApi, ReportsApi reportsApi) throws Exception {
        String path = exchange.getRequestPath();
        if (AntomGateway.handles(path)) {
            gateway.handleRequest(exchange);
        } else if (reportsApi != null && ReportsApi.handles(path)) {
            reportsApi.handleRequest(exchange);
        } else if (controlApi != null && ControlApi.handles(path)) {
            controlApi.handleRequest(exchange);
        } else if (HostedCheckout.handles(path)) {
            checkout.handleRequest(exchange);
        } else {
            exchange.setStatusCode(404);
            exchange.endExchange();
        }
    }

    /** Settings; every one has a default that suits an embedded test. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private SimulatorKeys keys;
        private Path keysDirectory;
        private double timeScale = 1.0;
        private boolean tls;
        private boolean control = true;
        private String defaultNotifyUrl;
        private String publicBaseUrl;
        private Instant startTime;
        private boolean unsignedGatewayErrors = true;
        private boolean buyerRetriesAfterDecline;
        private boolean strict = true;
        private String merchantId;
        private Integer sftpPort;
        private ReportLayout reportLayout = ReportLayout.CURRENT;
        private final Map<String, Double> limits = new LinkedHashMap<>();
        private final Map<String, Duration> latencies = new LinkedHashMap<>();

        private Builder() {
        }

        /** The merchant id the reports name (default: one made from the client id, {@code 2188…}). */
        public Builder merchantId(String id) {
            this.merchantId = id;
            return this;
        }

        /** Serve the reports over SFTP on this port (0: any free one); default no SFTP server. */
        public Builder sftpPort(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("sftp port must be between 0 and 65535, was " + listenPort);
            }
            this.sftpPort = listenPort;
            return this;
        }

        /** The layout of the reports on the SFTP server (default Antom's current one). */
        public Builder reportLayout(ReportLayout layout) {
            this.reportLayout = Objects.requireNonNull(layout);
            return this;
        }

        /** The address to bind (default {@code 127.0.0.1}). */
        public Builder host(String bindHost) {
            this.host = Objects.requireNonNull(bindHost);
            return this;
        }

        /** The port (default 0: any free port; read it back with {@link #baseUrl()}). */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** Keys to use (default: generated in memory). */
        public Builder keys(SimulatorKeys simulatorKeys) {
            this.keys = simulatorKeys;
            return this;
        }

        /** A keys directory: read when present, created when missing (the TLS certificate is kept there too). */
        public Builder keys(Path directory) {
            this.keysDirectory = directory;
            return this;
        }

        /** Simulated seconds per real second (default 1). */
        public Builder timeScale(double factor) {
            this.timeScale = factor;
            return this;
        }

        /** Serve HTTPS with a self-signed certificate for localhost and 127.0.0.1 (default plain HTTP). */
        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /** Serve the control API under {@code /sandbox/} (default on). */
        public Builder control(boolean enabled) {
            this.control = enabled;
            return this;
        }

        /** The notify URL "configured in the Dashboard", used when a request carries none (default none). */
        public Builder defaultNotifyUrl(String url) {
            this.defaultNotifyUrl = url;
            return this;
        }

        /** The base URL put into {@code normalUrl} and logo URLs (default: the scheme and Host the client used). */
        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url == null ? null : url.replaceAll("/+$", "");
            return this;
        }

        /**
         * Whether the gateway's own refusals ({@code INVALID_SIGNATURE}, {@code KEY_NOT_FOUND}, an unknown client id,
         * path, method or media type) go out without {@code signature} and {@code response-time}, as Antom's gateway
         * sends them (default on); off signs them like every other answer.
         */
        public Builder unsignedGatewayErrors(boolean unsigned) {
            this.unsignedGatewayErrors = unsigned;
            return this;
        }

        /** Limits every client to {@code perSecond} calls a second of {@code api} from the start (none by default). */
        public Builder limit(String api, double perSecond) {
            RateLimits.check(api, perSecond);
            limits.put(api, perSecond);
            return this;
        }

        /** Holds the answers of {@code api} for {@code latency} from the start (none by default). */
        public Builder latency(String api, Duration latency) {
            Latencies.check(api, latency);
            latencies.put(api, latency);
            return this;
        }

        /**
         * Strict mode (default on): a request may carry only the fields the official Java SDK's model of its API has
         * (2.0.45 or the newest source); any other is {@code PARAM_ILLEGAL} naming it. Antom itself probably ignores
         * an unknown field, so strict mode catches a misspelt or misplaced one that Antom would drop in silence.
         */
        public Builder strict(boolean enabled) {
            this.strict = enabled;
            return this;
        }

        /**
         * What a decline on the hosted page does, which Antom's documentation leaves open: off (default), the payment
         * fails at once and its {@code F} notification goes out; on, the buyer stays on the card form to try another
         * card, and the payment fails — notified with the last decline's code — only when it expires.
         */
        public Builder buyerRetriesAfterDecline(boolean retries) {
            this.buyerRetriesAfterDecline = retries;
            return this;
        }

        /** The simulated clock's starting instant (default now). */
        public Builder startTime(Instant start) {
            this.startTime = start;
            return this;
        }

        public AntomSimulator build() {
            return new AntomSimulator(this);
        }
    }
}
