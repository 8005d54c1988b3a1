package org.payengine.adapters.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.payengine.application.port.RawNotification;
import org.payengine.application.testing.FakeNotificationDecoder;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;

/**
 * Committed state changes per second, next to the database's physical floor, on embedded H2 (a file,
 * with the engine's durable settings) and on PostgreSQL, from each thread count asked for. Not a test:
 * a command-line entry point in test sources that prints a Markdown table.
 *
 * <p>For each database and thread count it measures, in this order and on the same pool:
 * <ol>
 *   <li><b>floor</b>: one single-row {@code INSERT} and its commit per transaction, the least a
 *       durable commit costs on this database and machine;</li>
 *   <li><b>apply notification</b>: {@link HandleNotification} handling one verified notification
 *       whose fact (the payment succeeded) changes an order: look in the inbox, load the order,
 *       apply the fact, save the order with its audit entries and outbox event, record the inbox
 *       entry, commit. The orders (each with a pending attempt) are created beforehand, enough for
 *       the floor's rate, and are not part of the measurement.</li>
 * </ol>
 * Each row gives commits per second over the measured window (after a warm-up), the p50 and p99 of
 * one transaction as its caller saw it, and the statements sent per transaction.
 *
 * <pre>
 * PAYENGINE_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \
 *     mvn -B -q -pl adapters-persistence -am -Pbench -DskipTests verify -Dbench.args="--seconds 20 --warmup 5"
 * </pre>
 *
 * Options: {@code --seconds N} measured per cell (20), {@code --warmup N} seconds before it (5),
 * {@code --threads 1,8}, {@code --databases h2,postgresql}, {@code --postgres-url URL} (default: the
 * environment's {@value TestDatabase#POSTGRES_URL_VARIABLE}; without one only H2 runs). PostgreSQL runs in a schema
 * of its own, dropped afterwards; H2 in a temporary directory, deleted afterwards.
 */
public final class PersistenceBenchmark {

    private final Duration measured;
    private final Duration warmup;
    private final List<Integer> threadCounts;
    private final List<String> rows = new ArrayList<>();

    private PersistenceBenchmark(Duration measured, Duration warmup, List<Integer> threadCounts) {
        this.measured = measured;
        this.warmup = warmup;
        this.threadCounts = threadCounts;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        Duration measured = Duration.ofSeconds(Long.parseLong(arguments.option("--seconds").orElse("20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(arguments.option("--warmup").orElse("5")));
        List<Integer> threads = Arrays.stream(arguments.option("--threads").orElse("1,8").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        List<String> databases = arguments.databases();
        Optional<String> postgresUrl = arguments.postgresUrl();
        int poolSize = threads.stream().mapToInt(Integer::intValue).max().orElse(1) + 2;

        PersistenceBenchmark benchmark = new PersistenceBenchmark(measured, warmup, threads);
        if (databases.contains("h2")) {
            Path h2Directory = Files.createTempDirectory("payengine-bench-h2-");
            try {
                benchmark.measure("H2 file", DatabaseSettings.embeddedUnder(h2Directory).withPoolSize(poolSize));
            } finally {
                TestDatabase.deleteRecursively(h2Directory);
            }
        }
        if (postgresUrl.isPresent()) {
            String schema = "payengine_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            try {
                benchmark.measure("PostgreSQL", DatabaseSettings.forUrl(postgresUrl.get(), "", "")
                        .withSchema(schema).withPoolSize(poolSize));
            } finally {
                TestDatabase.dropSchema(postgresUrl.get(), schema);
            }
        } else if (databases.contains("postgresql")) {
            System.out.println("PostgreSQL skipped: no --postgres-url and no " + TestDatabase.POSTGRES_URL_VARIABLE);
        }
        benchmark.print();
    }

    private void measure(String databaseName, DatabaseSettings settings) {
        try (Database database = Database.open(settings)) {
            database.migrate();
            FloorTable floorTable = FloorTable.createIn(database);
            StatementCounter statements = new StatementCounter();
            database.jdbi().getConfig(SqlStatements.class).setSqlLogger(statements);
            for (int threads : threadCounts) {
                System.out.printf(Locale.ROOT, "%s, %d thread(s): floor...%n", databaseName, threads);
                Measurement floor = Measurement.run(threads, warmup, measured, statements::count,
                        () -> floorTable.insertOneRow("floor"));
                row(databaseName, threads, "insert + commit (floor)", floor, floor);

                int needed = (int) Math.min(5_000_000, Math.ceil(floor.commitsPerSecond()
                        * (warmup.toMillis() + measured.toMillis()) / 1000.0 * 1.2) + 100L * threads);
                System.out.printf(Locale.ROOT, "%s, %d thread(s): creating %d orders...%n", databaseName, threads,
                        needed);
                List<RawNotification> notifications = PreparedOrders.create(database, needed, threads);
                HandleNotification handler = new HandleNotification(PreparedOrders.DECODER, database.transactions(),
                        database.notificationInbox(), database.orders(), database.cardTokens(), Instant::now);
                AtomicInteger next = new AtomicInteger();
                System.out.printf(Locale.ROOT, "%s, %d thread(s): applying notifications...%n", databaseName, threads);
                Measurement apply = Measurement.run(threads, warmup, measured, statements::count, () -> {
                    int index = next.getAndIncrement();
                    if (index >= notifications.size()) {
                        return false; // every prepared order is paid: the window ends early
                    }
                    if (!(handler.handle(notifications.get(index)) instanceof HandleNotification.Handling.Acknowledge)) {
                        throw new IllegalStateException("notification " + index + " was not acknowledged");
                    }
                    return true;
                });
                row(databaseName, threads, "apply notification fact", apply, floor);
            }
        }
    }

    private void row(String database, int threads, String workload, Measurement measurement, Measurement floor) {
        rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f | %.2f | %,.0f | %.1f | %.1f | %.0f %%%s |",
                database, threads, workload, measurement.commitsPerSecond(), measurement.p50Millis(),
                measurement.p99Millis(), measurement.cpuMicrosPerCommit(), measurement.kilobytesWrittenPerCommit(),
                measurement.statementsPerCommit(), 100 * measurement.commitsPerSecond() / floor.commitsPerSecond(),
                measurement.endedEarly() ? " (window ended early: " + measurement.commits() + " orders used)" : ""));
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%n%d s measured per cell after %d s warm-up; %d cores; Java %s%n%n",
                measured.toSeconds(), warmup.toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| database | threads | workload | commits/s | p50 ms | p99 ms | CPU µs/commit "
                + "| KB written/commit | statements/commit | of floor |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }




    /** Orders with one pending attempt each, and for each the notification that says the payment succeeded. */
    private static final class PreparedOrders {
        static final FakeNotificationDecoder DECODER = new FakeNotificationDecoder();
        private static final int ORDERS_PER_TRANSACTION = 200;

        static List<RawNotification> create(Database database, int count, int threads) {
            RawNotification[] notifications = new RawNotification[count];
            OrdersInBatches.store(database, count, threads, ORDERS_PER_TRANSACTION, i -> {
                Order order = OrderFixtures.newOrder();
                PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
                database.orders().save(order);
                notifications[i] = DECODER.notificationOf(Instant.now(), OrderFixtures.success(attempt));
            });
            return List.of(notifications);
        }
    }
}
