package org.payengine.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.adapters.persistence.BenchmarkArguments;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.bootstrap.config.Setting;
import org.payengine.bootstrap.testing.PostgresSchema;

/**
 * The engine under load, each figure next to its floor measured in the same run on the same database: orders and
 * attempts created per second through the API against {@code pay} at Antom through the SDK, and signed notifications
 * ingested per second against verifying their signature and committing one row each (see {@link LoadRun}). The engine
 * is {@code java -Xmx256m -jar bootstrap/target/payengine.jar serve}, a child process; the Antom simulator runs in
 * this process. Prints Markdown tables. Not a test; the command is in BENCHMARKS.md.
 *
 * <p>Options: {@code --seconds} (20), {@code --warmup} (5), {@code --threads} (8), {@code --databases}
 * ({@code h2,postgresql}), {@code --postgres-url} (default: {@code PAYENGINE_TEST_POSTGRES_URL}; without one only H2
 * runs), {@code --notification-orders}, {@code --engine-jvm-args}, {@code --jar}: see {@link LoadOptions}. H2 runs in
 * a temporary directory, PostgreSQL in a schema of its own; both are removed afterwards, the engine stopped.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        LoadOptions options = LoadOptions.from(arguments);
        LoadRun run = new LoadRun(options);
        List<LoadRow> rows = new ArrayList<>();
        if (arguments.databases().contains("h2")) {
            Path directory = Files.createTempDirectory("payengine-load-");
            try {
                DatabaseSettings floor = DatabaseSettings.embeddedUnder(directory.resolve("floor"))
                        .withPoolSize(options.threads());
                rows.addAll(run.measure(new LoadRun.Target("H2 file", Map.of(), floor), directory));
            } finally {
                deleteRecursively(directory);
            }
        }
        Optional<String> postgresUrl = arguments.postgresUrl();
        if (postgresUrl.isPresent()) {
            Path directory = Files.createTempDirectory("payengine-load-");
            try (PostgresSchema schema = PostgresSchema.on(postgresUrl.get())) {
                Map<String, String> engine = Map.of(Setting.DB_URL.variable(), postgresUrl.get(),
                        Setting.DB_USER.variable(), "", Setting.DB_SCHEMA.variable(), schema.schema());
                DatabaseSettings floor = DatabaseSettings.forUrl(postgresUrl.get(), "", "").withSchema(schema.schema())
                        .withPoolSize(options.threads());
                rows.addAll(run.measure(new LoadRun.Target("PostgreSQL", engine, floor), directory));
            } finally {
                deleteRecursively(directory);
            }
        } else if (arguments.databases().contains("postgresql")) {
            System.out.println("PostgreSQL skipped: no --postgres-url and no " + PostgresSchema.URL_VARIABLE);
        }
        print(options, rows);
    }

    private static void print(LoadOptions options, List<LoadRow> rows) {
        System.out.printf("%n%d s measured per cell after %d s warm-up; %d driver threads; %d cores; Java %s; "
                        + "engine heap capped at 256 MiB%n%n", options.measured().toSeconds(),
                options.warmup().toSeconds(), options.threads(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println(LoadRow.HEADER);
        rows.forEach(row -> System.out.println(row.line()));
        System.out.println();
        System.out.println(LoadRow.CPU_HEADER);
        rows.forEach(row -> System.out.println(row.cpuLine()));
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
