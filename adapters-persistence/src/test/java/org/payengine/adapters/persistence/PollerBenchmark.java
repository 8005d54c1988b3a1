package org.payengine.adapters.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.statement.SqlStatements;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.WorkKind;
import org.payengine.application.port.WorkerProgress;
import org.payengine.application.testing.FakePaymentGateway;
import org.payengine.application.testing.SequentialIds;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.application.worker.BackgroundWorkers;
import org.payengine.application.worker.PollSchedule;
import org.payengine.application.worker.Worker;
import org.payengine.application.worker.WorkerRun;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * What one tick of the payment poller costs, with a fixed number of attempts due and more or fewer settled ones
 * stored beside them: it should grow with the due work, not with the table. Not a test: a command-line entry point
 * in test sources that prints a Markdown table.
 *
 * <p>For each database and each count of settled attempts it fills a fresh database with that many orders whose
 * one attempt is captured (settled: no due work) and {@code --due} orders whose attempt is pending at Antom (one
 * due item each), then runs the poller's tick again and again: each tick claims every due item, loads each attempt,
 * asks a fast in-process Antom (still processing), and reschedules each item; the test clock then moves by the
 * longest poll interval, so all of them are due again. It also times the claim of the due items alone (released
 * again at once), and an idle tick (nothing due: the claim and the backlog count).
 *
 * <pre>
 * PAYENGINE_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \
 *     mvn -B -q -pl adapters-persistence -am -Pbench -DskipTests verify \
 *     -Dbench.main=org.payengine.adapters.persistence.PollerBenchmark -Dbench.args="--settled 1000,100000 --due 100"
 * </pre>
 *
 * Options: {@code --settled 1000,100000}, {@code --due 100}, {@code --ticks 50} measured (after 10 warm-up ticks),
 * {@code --databases h2,postgresql}, {@code --postgres-url URL} (default: the environment's
 * {@value TestDatabase#POSTGRES_URL_VARIABLE}). PostgreSQL runs in a schema of its own, dropped afterwards; H2 in a
 * temporary directory, deleted afterwards.
 */
public final class PollerBenchmark {

    private static final int ORDERS_PER_TRANSACTION = 500;
    private static final int WARMUP_TICKS = 10;

    private final int due;
    private final int ticks;
    private final List<String> rows = new ArrayList<>();

    private PollerBenchmark(int due, int ticks) {
        this.due = due;
        this.ticks = ticks;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArguments arguments = new BenchmarkArguments(args);
        List<Integer> settledCounts = Arrays.stream(arguments.option("--settled").orElse("1000,100000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int due = Integer.parseInt(arguments.option("--due").orElse("100"));
        int ticks = Integer.parseInt(arguments.option("--ticks").orElse("50"));
        List<String> databases = arguments.databases();
        Optional<String> postgresUrl = arguments.postgresUrl();
        PollerBenchmark benchmark = new PollerBenchmark(due, ticks);
        for (int settled : settledCounts) {
            if (databases.contains("h2")) {
                Path directory = Files.createTempDirectory("payengine-poller-bench-");
                try {
                    benchmark.measure("H2 file", DatabaseSettings.embeddedUnder(directory).withPoolSize(8), settled);
                } finally {
                    TestDatabase.deleteRecursively(directory);
                }
            }
            if (postgresUrl.isPresent()) {
                String schema = "payengine_pollbench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                try {
                    benchmark.measure("PostgreSQL", DatabaseSettings.forUrl(postgresUrl.get(), "", "")
                            .withSchema(schema).withPoolSize(8), settled);
                } finally {
                    TestDatabase.dropSchema(postgresUrl.get(), schema);
                }
            }
        }
        if (postgresUrl.isEmpty() && databases.contains("postgresql")) {
            System.out.println("PostgreSQL skipped: no --postgres-url and no " + TestDatabase.POSTGRES_URL_VARIABLE);
        }
        benchmark.print();
    }

    private void measure(String databaseName, DatabaseSettings settings, int settled) {
        try (Database database = Database.open(settings)) {
            database.migrate();
            TestClock clock = new TestClock(OrderFixtures.NOW);
            FakePaymentGateway antom = new FakePaymentGateway(clock);
            System.out.printf(Locale.ROOT, "%s: storing %,d settled attempts and %d due ones...%n", databaseName,
                    settled, due);
            store(database, settled, index -> settledOrder(index));
            store(database, due, index -> dueOrder(antom));
            StatementCounter statements = new StatementCounter();
            database.jdbi().getConfig(SqlStatements.class).setSqlLogger(statements);
            Worker poller = poller(database, antom, clock, due);

            List<Long> claimNanos = new ArrayList<>();
            for (int round = 0; round < WARMUP_TICKS + ticks; round++) {
                clock.advance(PollSchedule.DEFAULT.maxInterval());
                long start = System.nanoTime();
                List<DueWork.Claim> claims = database.dueWork().claim(WorkKind.PAYMENT_RESULT, clock.now(), due,
                        Duration.ofMinutes(2), "bench");
                long took = System.nanoTime() - start;
                claims.forEach(database.dueWork()::release);
                if (claims.size() != due) {
                    throw new IllegalStateException("claimed " + claims.size() + " items, not " + due);
                }
                if (round >= WARMUP_TICKS) {
                    claimNanos.add(took);
                }
            }

            List<Long> tickNanos = new ArrayList<>();
            long statementsBefore = 0;
            for (int tick = 0; tick < WARMUP_TICKS + ticks; tick++) {
                clock.advance(PollSchedule.DEFAULT.maxInterval()); // every item is due again, however old
                if (tick == WARMUP_TICKS) {
                    statementsBefore = statements.count();
                }
                long start = System.nanoTime();
                WorkerRun run = poller.runOnce(clock.now());
                long took = System.nanoTime() - start;
                if (run.worked() != due) {
                    throw new IllegalStateException("tick " + tick + " worked " + run.worked() + " items, not " + due);
                }
                if (tick >= WARMUP_TICKS) {
                    tickNanos.add(took);
                }
            }
            double statementsPerTick = (statements.count() - statementsBefore) / (double) ticks;

            List<Long> idleNanos = new ArrayList<>();
            for (int tick = 0; tick < WARMUP_TICKS + ticks; tick++) {
                long start = System.nanoTime();
                WorkerRun run = poller.runOnce(clock.now()); // everything was just rescheduled: nothing due
                if (run.worked() != 0) {
                    throw new IllegalStateException("an idle tick worked " + run.worked() + " items");
                }
                if (tick >= WARMUP_TICKS) {
                    idleNanos.add(System.nanoTime() - start);
                }
            }
            tickNanos.sort(null);
            claimNanos.sort(null);
            idleNanos.sort(null);
            rows.add(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %.2f | %.0f | %.2f | %.2f |",
                    databaseName, settled, due, millis(percentile(tickNanos, 50)), millis(percentile(tickNanos, 99)),
                    millis(percentile(tickNanos, 50)) / due, statementsPerTick, millis(percentile(claimNanos, 50)),
                    millis(percentile(idleNanos, 50))));
        }
    }

    /** The payment poller alone, claiming every due item in one tick, worked on the default four threads. */
    private static Worker poller(Database database, FakePaymentGateway antom, TestClock clock, int batch) {
        var transactions = database.transactions();
        var orders = database.orders();
        var cards = database.cardTokens();
        SequentialIds ids = new SequentialIds();
        WorkerSettings settings = WorkerSettings.defaults().withoutJitter().withNodeId("bench").withBatchSize(batch);
        BackgroundWorkers workers = new BackgroundWorkers(settings, transactions, orders, database.dueWork(),
                database.outbox(), event -> { }, clock, new GetPayment(transactions, orders),
                new SyncPayment(transactions, orders, cards, antom, clock),
                new CapturePayment(transactions, orders, cards, antom, ids, clock),
                new CancelPayment(transactions, orders, cards, antom, clock),
                new RemediateDuplicate(transactions, orders, cards, antom, ids, clock), WorkerProgress.NOT_REPORTED,
                new Random(1));
        return workers.worker(BackgroundWorkers.PAYMENT_POLLER);
    }

    /** An order whose one attempt Antom captured: settled, no due work. */
    private static Order settledOrder(int index) {
        Order order = OrderFixtures.newOrder();
        PaymentRequestId attempt = OrderFixtures.startPendingAttempt(order, CaptureMode.AUTOMATIC);
        order.apply(OrderFixtures.success(attempt), FactSource.NOTIFICATION, OrderFixtures.NOW);
        order.apply(new CaptureSucceeded(OrderFixtures.paymentIdOf(attempt), CaptureRequestId.of("auto-" + index + "-"
                        + attempt.value().substring(0, 8)), CaptureId.of("cap-" + attempt.value()), OrderFixtures.AMOUNT,
                OrderFixtures.NOW), FactSource.NOTIFICATION, OrderFixtures.NOW);
        return order;
    }

    /**
     * An order whose attempt Antom has and calls processing: one item due for the poller. It expires in 48 hours, so
     * that however long the benchmark runs the poller only asks, never cancels (longer than Antom allows a card
     * payment, which the options' builder refuses; the fake gateway does not mind).
     */
    private static Order dueOrder(FakePaymentGateway antom) {
        Order order = OrderFixtures.newOrder();
        PaymentRequestId attempt = PaymentRequestId.of(OrderFixtures.unique("request"));
        PaymentOptions hosted = PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.9")).build();
        order.startAttempt(attempt, new PaymentOptions(hosted.captureMode(), hosted.threeDS(), Duration.ofHours(48),
                hosted.redirectUrl(), hosted.notifyUrl(), hosted.environment(), hosted.saveCard(), hosted.cardToken(),
                hosted.merchantInitiated(), hosted.networkTransactionId(), hosted.selectedCardBrand(),
                hosted.requireIssuerAuthentication(), hosted.installments(), hosted.billingAddress(),
                hosted.cardholderName(), hosted.settlementCurrency()), OrderFixtures.NOW);
        GatewayOutcome<PaymentFact> answer = antom.pay(PaymentRequest.of(order.snapshot(),
                order.attempt(attempt).orElseThrow()));
        order.apply(((GatewayOutcome.Completed<PaymentFact>) answer).value(), FactSource.API_RESPONSE, OrderFixtures.NOW);
        return order;
    }

    private interface OrderMaker {
        Order make(int index);
    }

    private static void store(Database database, int count, OrderMaker maker) {
        OrdersInBatches.store(database, count, 4, ORDERS_PER_TRANSACTION, i -> database.orders().save(maker.make(i)));
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%n%d ticks measured after %d warm-up ticks; %d cores; Java %s%n%n", ticks,
                WARMUP_TICKS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | settled attempts | due | tick p50 ms | tick p99 ms | ms per due item "
                + "| statements per tick | claim of the due p50 ms | idle tick p50 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }



}
