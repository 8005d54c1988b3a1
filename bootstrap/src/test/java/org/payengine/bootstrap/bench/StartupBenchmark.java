package org.payengine.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code java -jar bootstrap/target/payengine.jar demo} takes to serve: from starting the process to the
 * first {@code 200} of {@code GET /health} (engine, simulator and H2 all up), polled every 10 ms. Measures a first
 * run (empty data directory: keys, API key and schema are made) and later runs (everything found), each several
 * times, and prints min / median / max. Not a test; run it with the command in BENCHMARKS.md.
 *
 * <p>Arguments: {@code [--runs N] [--jar PATH]} (default 5 runs, {@code bootstrap/target/payengine.jar}).
 */
public final class StartupBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path jar = Path.of("bootstrap", "target", "payengine.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.exists(jar)) {
            jar = Path.of("target", "payengine.jar");
        }
        List<Long> first = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path data = Files.createTempDirectory("payengine-startup");
            first.add(timeToHealth(jar, data));
            later.add(timeToHealth(jar, data));
            delete(data);
        }
        System.out.println("java -jar payengine.jar demo, process start to first 200 of /health ("
                + Runtime.getRuntime().availableProcessors() + " cores):");
        System.out.println("  first run (keys, API key, schema made): " + summary(first));
        System.out.println("  later run (everything found):           " + summary(later));
    }

    private static long timeToHealth(Path jar, Path data) throws Exception {
        int port = 18_480;
        long start = System.nanoTime();
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString(), "demo", "--port", Integer.toString(port), "--simulator-port",
                Integer.toString(port + 1), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            while (true) {
                if (!demo.isAlive()) {
                    throw new IllegalStateException("the demo exited with " + demo.exitValue());
                }
                try {
                    HttpResponse<Void> answer = CLIENT.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
        } finally {
            demo.toHandle().destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("min %d ms, median %d ms, max %d ms (%d runs)", sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
