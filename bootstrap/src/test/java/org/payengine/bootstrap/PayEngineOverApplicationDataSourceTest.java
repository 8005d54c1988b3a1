package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.EventSink;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.testing.PostgresSchema;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;
import org.payengine.simulator.AntomSimulator;
import org.payengine.bootstrap.embedded.PayEngine;

/**
 * The engine embedded the way a demanding application embeds it: over the application's own connection pool, with
 * its own event sink, and nothing else — no notification endpoint, no scheduled {@code publishEvents()}. The
 * engine's workers must settle the payment and tell the application on their own, and closing the engine must leave
 * the application's pool to the application.
 */
class PayEngineOverApplicationDataSourceTest {

    private static final String SUCCESS_CARD = "4054695723100768";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static AntomSimulator antom;

    @BeforeAll
    static void startAntom() {
        antom = AntomSimulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopAntom() {
        antom.close();
    }

    @Test
    void on_an_application_h2_pool_the_workers_settle_a_paid_order_and_tell_the_application_once() throws Exception {
        String url = Database.prepareJdbcUrl("jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (HikariDataSource shopPool = applicationPool(url, Optional.empty())) {
            the_workers_settle_a_paid_order_and_leave_the_pool_open(shopPool, "h2-order-1");
        }
    }

    @Test
    void on_an_application_postgresql_pool_the_workers_settle_a_paid_order_and_tell_the_application_once()
            throws Exception {
        Optional<PostgresSchema> postgres = PostgresSchema.create("PayEngineOverApplicationDataSourceTest");
        assumeTrue(postgres.isPresent(), "PAYENGINE_TEST_POSTGRES_URL is not set");
        try (PostgresSchema schema = postgres.get()) {
            createSchema(schema);
            try (HikariDataSource shopPool = applicationPool(schema.url(), Optional.of(schema.schema()))) {
                the_workers_settle_a_paid_order_and_leave_the_pool_open(shopPool, "pg-order-1");
            }
            assertTrue(schema.hasTable("orders"), "migrated into the application's schema");
        }
    }

    @Test
    void the_builder_refuses_two_storage_options_naming_both() {
        try (HikariDataSource shopPool = applicationPool(
                Database.prepareJdbcUrl("jdbc:h2:mem:refused-" + UUID.randomUUID()), Optional.empty())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PayEngine.builder()
                    .database(DatabaseSettings.forUrl("jdbc:h2:mem:other", "sa", ""))
                    .dataSource(shopPool)
                    .antom(simulatorSettings())
                    .eventSink(event -> { })
                    .build());

            assertEquals("PayEngine cannot be built: storage: give exactly one of database(...), dataSource(...)"
                    + " or stores(...), not database(...) and dataSource(...)", refused.getMessage());
            assertFalse(shopPool.isClosed());
        }
    }

    @Test
    void an_h2_pool_opened_without_the_engine_settings_is_refused_with_the_way_out(@TempDir Path data) {
        try (HikariDataSource shopPool = applicationPool("jdbc:h2:file:" + data.resolve("shop"), Optional.empty())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PayEngine.builder()
                    .dataSource(shopPool)
                    .antom(simulatorSettings())
                    .eventSink(event -> { })
                    .build());

            assertTrue(refused.getMessage().contains("MODE=PostgreSQL"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Database.prepareJdbcUrl(url)"), refused.getMessage());
        }
    }

    private static void the_workers_settle_a_paid_order_and_leave_the_pool_open(DataSource shopPool, String order)
            throws SQLException, InterruptedException {
        ShopEvents shop = new ShopEvents();
        ReferenceOrderId orderId = ReferenceOrderId.of(order);
        Set<Thread> workerThreads;
        try (PayEngine engine = PayEngine.builder()
                .dataSource(shopPool)
                .antom(simulatorSettings()) // no notify URL: Antom tells the engine nothing by itself
                .eventSink(shop)
                .workers(promptWorkers())
                .build()) {
            assertTrue(engine.workersRunning(), "the workers run unless turned off");
            engine.useCases().createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(orderId, Money.of("SGD", 4200),
                    "A teapot", null, null));
            PaymentAttempt started = engine.useCases().startPayment().start(new StartPayment.Command(orderId, hostedCard()))
                    .value();
            assertEquals(AttemptStatus.PENDING, started.status());
            // the buyer lands on the shop's result page while still paying: the engine asks Antom now, and its
            // workers ask again a few seconds later
            assertEquals(AttemptStatus.PENDING, engine.useCases().syncPayment().sync(started.id()).value().attempt().status());

            antom.completePayment(started.paymentId().value(), SUCCESS_CARD, false);

            awaitUntil(() -> !shop.ordersPaid().isEmpty(), "the application hears that " + order + " is paid");
            assertEquals(AttemptStatus.CAPTURED, engine.useCases().getPayment().get(started.id()).orElseThrow().status());
            assertEquals(OrderStatus.PAID, engine.useCases().getOrder().get(orderId).orElseThrow().status());
            workerThreads = workerThreads();
            assertFalse(workerThreads.isEmpty(), "worker threads while running");
        }

        for (Thread thread : workerThreads) {
            thread.join(DEADLINE.toMillis());
            assertFalse(thread.isAlive(), () -> thread.getName() + " still runs after close()");
        }
        List<OrderPaid> paid = shop.ordersPaid();
        assertEquals(1, paid.size(), paid::toString);
        assertEquals(orderId, paid.get(0).orderId());
        try (Connection connection = shopPool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "the application's pool still serves after the engine closed");
        }
    }

    /** The application's sink: deduplicates by event id, as the outbox's at-least-once delivery asks. */
    private static final class ShopEvents implements EventSink {
        private final Map<EventId, DomainEvent> received = new ConcurrentHashMap<>();
        private final AtomicInteger deliveries = new AtomicInteger();

        @Override
        public void deliver(DomainEvent event) {
            deliveries.incrementAndGet();
            received.putIfAbsent(event.id(), event);
        }

        List<OrderPaid> ordersPaid() {
            return received.values().stream().filter(OrderPaid.class::isInstance).map(OrderPaid.class::cast)
                    .toList();
        }
    }

    /** The default workers, idling briefly between empty rounds so the test need not wait long for the next. */
    private static WorkerSettings promptWorkers() {
        return WorkerSettings.defaults().withIdle(Duration.ofMillis(200));
    }

    private static Set<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("payengine-work"))
                .collect(Collectors.toSet());
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static HikariDataSource applicationPool(String url, Optional<String> schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("shop");
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(8);
        schema.ifPresent(config::setSchema);
        return new HikariDataSource(config);
    }

    private static void createSchema(PostgresSchema schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(schema.url());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema.schema());
        }
    }

    private static AntomSettings simulatorSettings() {
        return AntomSettings.builder()
                .clientId(antom.clientId())
                .merchantPrivateKey(antom.merchantPrivateKey())
                .antomPublicKey(antom.antomPublicKey())
                .endpoint(antom.baseUrl())
                .sandbox(true)
                .build();
    }

    private static PaymentOptions hostedCard() {
        return PaymentOptions.hostedCard("https://shop.example/return",
                TerminalEnvironment.of(TerminalType.WEB, "203.0.113.7")).build();
    }
}
