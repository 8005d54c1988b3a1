package org.payengine.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.payengine.adapters.persistence.BenchmarkArguments;

/**
 * The load benchmark's options.
 *
 * @param measured           {@code --seconds}: each measured window (20)
 * @param warmup             {@code --warmup}: the warm-up before each window, same load (5)
 * @param threads            {@code --threads}: driver threads, the same for the engine and its floor (8)
 * @param jar                {@code --jar}: the runnable engine ({@code bootstrap/target/payengine.jar})
 * @param notificationOrders {@code --notification-orders}: pending payments prepared for the notification workload
 *                           (1,000 per second of warm-up and window); the window ends early, and says so, when the
 *                           engine uses them all up
 * @param engineJvmArgs      {@code --engine-jvm-args}: more options for the engine's JVM, e.g. a flight recording
 */
record LoadOptions(Duration measured, Duration warmup, int threads, Path jar, int notificationOrders,
                   String engineJvmArgs) {

    static LoadOptions from(BenchmarkArguments arguments) {
        Duration measured = Duration.ofSeconds(Long.parseLong(arguments.option("--seconds").orElse("20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(arguments.option("--warmup").orElse("5")));
        int threads = Integer.parseInt(arguments.option("--threads").orElse("8"));
        Path jar = Path.of(arguments.option("--jar").orElse(Path.of("bootstrap", "target", "payengine.jar").toString()));
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException("no runnable jar at " + jar.toAbsolutePath()
                    + ": build it (mvn -B -q package -DskipTests) and run from the project's root, or give --jar");
        }
        int notificationOrders = Integer.parseInt(arguments.option("--notification-orders")
                .orElse(Long.toString(1000 * (measured.toSeconds() + warmup.toSeconds()))));
        return new LoadOptions(measured, warmup, threads, jar, notificationOrders,
                arguments.option("--engine-jvm-args").orElse(""));
    }
}
