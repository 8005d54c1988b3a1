package org.payengine.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.payengine.adapters.persistence.BenchmarkArguments;

/**
 * What a paid payment costs the engine over its whole life, as a merchant's shop lives it: the engine
 * ({@code java -Xmx256m -jar bootstrap/target/payengine.jar serve}, workers on, embedded H2) and the Antom simulator
 * ({@code … simulator}) as two child processes; orders with manual capture whose buyers pay on the hosted page after a
 * random 10–60 s (seeded); each captured once the engine told the merchant (its webhook) that Antom's notification
 * authorized it (see {@link LifecycleRun}). Prints, per paid payment, the engine's CPU beside the RSA work a payment
 * cannot avoid (measured in the same run), the calls Antom received per API, and the idle engine's CPU per second.
 * Not a test; the command is in BENCHMARKS.md.
 *
 * <p>Options: {@code --orders} (200), {@code --warmup-orders} (200), {@code --seed} (1), {@code --min-delay} (10),
 * {@code --max-delay} (60), {@code --idle-seconds} (30), {@code --settle-seconds} (10), {@code --threads} (4),
 * {@code --patience-minutes} (10), {@code --engine-jvm-args}, {@code --engine-settings}, {@code --simulator-args},
 * {@code --jar}: see
 * {@link LifecycleOptions}.
 */
public final class LifecycleBenchmark {

    static final double CALLS_GOAL = 2.2;
    static final double CPU_GOAL_TIMES_RSA = 2.0;
    static final double IDLE_GOAL_MILLIS_PER_SECOND = 10;

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LifecycleOptions options = LifecycleOptions.from(new BenchmarkArguments(args));
        Path directory = Files.createTempDirectory("payengine-lifecycle-");
        try {
            print(options, new LifecycleRun(options).measure(directory));
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void print(LifecycleOptions options, LifecycleRun.Result result) {
        int n = result.orders();
        long calls = result.antomCalls().values().stream().mapToLong(Long::longValue).sum();
        double cpuPerPayment = result.engineCpuMillis() / n;
        double idlePerSecond = result.idleCpuMillis() / (result.idleWindow().toMillis() / 1000.0);
        System.out.printf("%n%d orders paid (manual capture, buyers paying after %d-%d s, seed %d) in %d s, after %d "
                        + "warm-up orders; %d cores; Java %s; load average %s before, %s after%n%n", n,
                options.minDelay().toSeconds(), options.maxDelay().toSeconds(), options.seed(),
                result.wall().toSeconds(), options.warmupOrders(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), result.loadBefore(), result.loadAfter());
        System.out.println("| per paid payment | measured | goal | met |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| calls to Antom | %.2f (%s) | <= %.1f | %s |%n", (double) calls / n,
                perPayment(result.antomCalls(), n), CALLS_GOAL, met((double) calls / n <= CALLS_GOAL));
        System.out.printf("| engine CPU (whole process) | %.2f ms = %.1fx the RSA floor | <= %.1fx | %s |%n",
                cpuPerPayment, cpuPerPayment / result.rsaFloorMillis(), CPU_GOAL_TIMES_RSA,
                met(cpuPerPayment <= CPU_GOAL_TIMES_RSA * result.rsaFloorMillis()));
        System.out.printf("| RSA floor (2 signatures + 4 verifications, RSA-2048) | %.2f ms | | |%n",
                result.rsaFloorMillis());
        System.out.printf("| engine CPU while idle (nothing pending) | %.1f ms per second (over %d s; Antom calls: %s) "
                        + "| <= %.0f ms per second | %s |%n", idlePerSecond, result.idleWindow().toSeconds(),
                result.antomCallsWhileIdle().values().stream().mapToLong(Long::longValue).sum(),
                IDLE_GOAL_MILLIS_PER_SECOND, met(idlePerSecond <= IDLE_GOAL_MILLIS_PER_SECOND));
        System.out.printf("%nEngine CPU per order while the orders were created (order + attempt + pay, and whatever"
                + " ran meanwhile): %.2f ms; the rest of the run per paid payment: %.2f ms.%n",
                result.engineCpuWhileCreatingMillis() / n,
                (result.engineCpuMillis() - result.engineCpuWhileCreatingMillis()) / n);
        System.out.printf("Simulator process CPU per paid payment: %.2f ms.%n", result.simulatorCpuMillis() / n);
        if (!result.otherEvents().isEmpty()) {
            System.out.println("Other events the merchant received: " + result.otherEvents());
        }
        System.out.println("\nEngine CPU over the run by thread (live threads only; digits shown as #), ms per paid"
                + " payment:");
        result.engineThreads().entrySet().stream().limit(12).forEach(group ->
                System.out.printf("  %-24s %8.2f%n", group.getKey(), group.getValue() / n));
        double idleSeconds = result.idleWindow().toMillis() / 1000.0;
        System.out.println("\nEngine CPU while idle by thread, ms per second:");
        result.idleThreads().entrySet().stream().limit(8).forEach(group ->
                System.out.printf("  %-24s %8.2f%n", group.getKey(), group.getValue() / idleSeconds));
    }

    private static String perPayment(Map<String, Long> calls, int payments) {
        return calls.entrySet().stream().filter(api -> api.getValue() > 0)
                .map(api -> String.format("%s %.2f", api.getKey(), (double) api.getValue() / payments))
                .collect(Collectors.joining(", "));
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }
}
