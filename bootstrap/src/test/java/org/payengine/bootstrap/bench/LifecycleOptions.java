package org.payengine.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.payengine.adapters.persistence.BenchmarkArguments;

/**
 * The lifecycle benchmark's options.
 *
 * @param orders         {@code --orders}: measured orders (200)
 * @param warmupOrders   {@code --warmup-orders}: orders taken through the same lifecycle first, their buyers paying at
 *                       once, so that the measured ones meet a compiled engine (200; 0 measures a cold engine)
 * @param seed           {@code --seed}: the seed of the buyers' delays (1)
 * @param minDelay       {@code --min-delay}: the shortest a buyer takes on the card page, seconds (10)
 * @param maxDelay       {@code --max-delay}: the longest, seconds (60)
 * @param idle           {@code --idle-seconds}: the window the idle engine is measured over (30)
 * @param settle         {@code --settle-seconds}: the wait between the last paid order and the idle window (10)
 * @param threads        {@code --threads}: driver threads creating orders, paying and capturing (4)
 * @param patience       {@code --patience-minutes}: how long the driver waits for every order to be paid (10)
 * @param jar            {@code --jar}: the runnable engine ({@code bootstrap/target/payengine.jar})
 * @param engineJvmArgs  {@code --engine-jvm-args}: more options for the engine's JVM (after {@code -Xmx256m})
 * @param simulatorArgs  {@code --simulator-args}: more options of the {@code simulator} command, e.g.
 *                       {@code "--latency pay=300ms,capture=300ms"}
 * @param engineSettings {@code --engine-settings}: more {@code PAYENGINE_*} settings of the engine, e.g.
 *                       {@code PAYENGINE_WORKER_IDLE_MILLIS=5000,PAYENGINE_WORKER_THREADS=2}
 */
record LifecycleOptions(int orders, int warmupOrders, long seed, Duration minDelay, Duration maxDelay, Duration idle,
                        Duration settle, int threads, Duration patience, Path jar, String engineJvmArgs,
                        List<String> simulatorArgs, Map<String, String> engineSettings) {

    static LifecycleOptions from(BenchmarkArguments arguments) {
        int orders = positive("--orders", arguments.option("--orders").orElse("200"));
        int warmupOrders = Integer.parseInt(arguments.option("--warmup-orders").orElse("200"));
        long seed = Long.parseLong(arguments.option("--seed").orElse("1"));
        Duration minDelay = seconds(arguments.option("--min-delay").orElse("10"));
        Duration maxDelay = seconds(arguments.option("--max-delay").orElse("60"));
        if (maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalArgumentException("--max-delay must not be shorter than --min-delay");
        }
        Path jar = Path.of(arguments.option("--jar").orElse(Path.of("bootstrap", "target", "payengine.jar").toString()));
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException("no runnable jar at " + jar.toAbsolutePath()
                    + ": build it (mvn -B -q package -DskipTests) and run from the project's root, or give --jar");
        }
        String simulatorArgs = arguments.option("--simulator-args").orElse("").strip();
        return new LifecycleOptions(orders, warmupOrders, seed, minDelay, maxDelay,
                seconds(arguments.option("--idle-seconds").orElse("30")),
                seconds(arguments.option("--settle-seconds").orElse("10")),
                positive("--threads", arguments.option("--threads").orElse("4")),
                Duration.ofMinutes(positive("--patience-minutes", arguments.option("--patience-minutes").orElse("10"))),
                jar, arguments.option("--engine-jvm-args").orElse(""),
                simulatorArgs.isEmpty() ? List.of() : Arrays.asList(simulatorArgs.split("\\s+")),
                settings(arguments.option("--engine-settings").orElse("")));
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || !pair.startsWith("PAYENGINE_")) {
                throw new IllegalArgumentException("--engine-settings takes PAYENGINE_NAME=VALUE pairs separated by "
                        + "commas, was " + text);
            }
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings;
    }

    private static Duration seconds(String text) {
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private static int positive(String option, String text) {
        int value = Integer.parseInt(text);
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + text);
        }
        return value;
    }
}
