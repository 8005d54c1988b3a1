package org.payengine.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.payengine.simulator.reports.ReportLayout;
import org.payengine.simulator.traffic.Latencies;

/**
 * The standalone simulator:
 * {@code simulator --port N --keys DIR [--tls] [--time-scale F] [--no-control]}.
 * Runs until the JVM is stopped (Ctrl-C).
 */
public final class SimulatorCommand {

    static final String USAGE = """
            Usage: simulator --port N --keys DIR [options]

            A local Antom: payment APIs under /ams/api/v1/payments/ and /ams/sandbox/api/v1/payments/,
            the hosted card page, signed notifications with Antom's retry schedule, and a control API.

              --port N            port to listen on (default 8081; 0 picks a free port)
              --keys DIR          keys directory: merchant_private_key.pem, merchant_public_key.pem,
                                  antom_private_key.pem, antom_public_key.pem, client_id
                                  (created when missing; default ./data/keys)
              --host ADDRESS      address to bind (default 127.0.0.1)
              --tls               serve HTTPS with a self-signed certificate for localhost and 127.0.0.1
                                  (written to the keys directory), as the SDK's DefaultAlipayClient needs
              --time-scale F      simulated seconds per real second (default 1)
              --no-control        do not serve the control API under /sandbox/
              --notify-url URL    notify URL used when a request carries none (the Dashboard setting)
              --public-url URL    base URL for normalUrl (default: the scheme and host the client used)
              --limit API=N[,API=N...]
                                  limit every client to N calls a second of each API (e.g.
                                  inquiryPayment=5,pay=2), answered U REQUEST_TRAFFIC_EXCEED_LIMIT
              --latency API=T[,API=T...]
                                  hold each API's answers for T (e.g. pay=300ms,inquiryPayment=0.1s)
              --no-strict         accept request fields the official SDK's model of the API lacks
                                  (by default they are PARAM_ILLEGAL, naming the field)
              --retry-after-decline
                                  a declined buyer stays on the hosted page to try another card; the payment
                                  fails (and is notified) only when it expires (default: fails at once)
              --signed-gateway-errors
                                  sign the gateway's own refusals (INVALID_SIGNATURE, KEY_NOT_FOUND, unknown
                                  client id, path, method, media type); Antom sends them unsigned, and so does
                                  the simulator by default
              --sftp-port N       serve Antom's reconciliation reports over SFTP on this port (0: any free one),
                                  in Antom's layout /v1/settlements/<merchantId>/<yyyyMMdd>/; user: the merchant
                                  id, password: the keys directory's sftp_password
              --merchant-id ID    the merchant id the reports name (default: one made from the client id)
              --report-layout L   the layout of the reports on the SFTP server: current (default) or classic
              --help              print this help
            """;

    private SimulatorCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Parses the arguments, starts the simulator and serves until the JVM shuts down.
     *
     * @return the exit code: 0 after {@code --help}, 2 for bad arguments, 1 when it cannot start
     */
    public static int run(String[] args, PrintStream out) {
        AntomSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("simulator: " + e.getMessage());
            out.println();
            out.print(USAGE);
            return 2;
        }
        if (builder == null) {
            out.print(USAGE);
            return 0;
        }
        AntomSimulator simulator;
        try {
            simulator = builder.build().start();
        } catch (RuntimeException e) {
            out.println("simulator: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "simulator-shutdown"));
        describe(simulator, out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.stop();
        }
        return 0;
    }

    static void describe(AntomSimulator simulator, PrintStream out) {
        out.println("Antom simulator listening on " + simulator.baseUrl());
        out.println("  gateway:   " + simulator.baseUrl() + "  (paths /ams/api/v1/payments/* and /ams/sandbox/api/v1/payments/*)");
        out.println("  client id: " + simulator.clientId());
        out.println("  control:   " + (simulator.controlEnabled() ? simulator.baseUrl() + "/sandbox/..." : "off"));
        out.println("  time:      x" + simulator.timeScale() + " (simulated seconds per real second)");
        out.println("  merchant:  " + simulator.merchantId() + (simulator.controlEnabled()
                ? "  (reports: " + simulator.baseUrl() + "/sandbox/reports/transactions?date=YYYY-MM-DD)" : ""));
        simulator.sftp().ifPresent(sftp -> out.println("  sftp:      sftp://" + sftp.user() + "@127.0.0.1:" + sftp.port()
                + "/v1/settlements/" + sftp.user() + "/  (password in the keys directory's sftp_password; host key "
                + sftp.hostKeyFingerprint() + ")"));
        simulator.sandbox().limits().forEach((api, perSecond) ->
                out.println("  limit:     " + api + " " + perSecond + " calls a second per client"));
        simulator.sandbox().latencies().forEach((api, latency) ->
                out.println("  latency:   " + api + " " + latency.toMillis() + " ms"));
    }

    /** The settings for these arguments, or null when {@code --help} was asked for. */
    static AntomSimulator.Builder parse(String[] args) {
        AntomSimulator.Builder builder = AntomSimulator.builder().port(8081);
        Path keys = Path.of("data", "keys");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port" -> builder.port(integer(arg, value(args, ++i, arg)));
                case "--keys" -> keys = Path.of(value(args, ++i, arg));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--tls" -> builder.tls(true);
                case "--no-control" -> builder.control(false);
                case "--time-scale" -> builder.timeScale(positive(arg, value(args, ++i, arg)));
                case "--notify-url" -> builder.defaultNotifyUrl(value(args, ++i, arg));
                case "--public-url" -> builder.publicBaseUrl(value(args, ++i, arg));
                case "--signed-gateway-errors" -> builder.unsignedGatewayErrors(false);
                case "--retry-after-decline" -> builder.buyerRetriesAfterDecline(true);
                case "--no-strict" -> builder.strict(false);
                case "--sftp-port" -> builder.sftpPort(integer(arg, value(args, ++i, arg)));
                case "--merchant-id" -> builder.merchantId(value(args, ++i, arg));
                case "--report-layout" -> builder.reportLayout(layout(value(args, ++i, arg)));
                case "--limit" -> perApi(arg, value(args, ++i, arg)).forEach((api, rate) ->
                        builder.limit(api, positive(arg, rate)));
                case "--latency" -> perApi(arg, value(args, ++i, arg)).forEach((api, latency) ->
                        builder.latency(api, Latencies.parse(latency)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return builder.keys(keys);
    }

    private static ReportLayout layout(String text) {
        return switch (text) {
            case "current" -> ReportLayout.CURRENT;
            case "classic" -> ReportLayout.CLASSIC;
            default -> throw new IllegalArgumentException("--report-layout must be current or classic, was " + text);
        };
    }

    /** {@code api=value,api=value}, in the order given. */
    private static Map<String, String> perApi(String option, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(option + " takes API=VALUE pairs separated by commas, was " + text);
            }
            values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return values;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, was " + text);
        }
    }

    private static double positive(String option, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive number, was " + text);
        }
    }
}
