package org.payengine.bootstrap.embedded;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.payengine.adapters.antom.AntomNotificationDecoder;
import org.payengine.adapters.antom.AntomPaymentGateway;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.IdGenerator;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.usecase.UseCases;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.bootstrap.embedded.metrics.MeteredEventSink;
import org.payengine.bootstrap.embedded.metrics.StoreFigures;
import org.payengine.bootstrap.embedded.wiring.DaggerEmbeddableComponent;
import org.payengine.bootstrap.embedded.wiring.EmbeddableComponent;

/**
 * PayEngine inside a Java application, without the HTTP server: the application calls the {@link #useCases() use
 * cases} itself, hands Antom's notifications to {@code useCases().handleNotification()}, and receives the engine's
 * events ("order paid — ship it") through its {@link EventSink}. The background workers run inside the engine
 * (unless turned off): they settle results Antom reports late or never notifies, guard the manual-capture deadline,
 * undo duplicate successes and deliver the events.
 *
 * <pre>{@code
 * PayEngine engine = PayEngine.builder()
 *         .dataSource(shopDataSource)                    // H2 or PostgreSQL; migrated; never closed by the engine
 *         .antom(AntomSettings.builder()
 *                 .endpoint("SG").clientId(clientId)
 *                 .merchantPrivateKeyFile(Path.of("keys/merchant_private_key.pem"))
 *                 .antomPublicKeyFile(Path.of("keys/antom_public_key.pem"))
 *                 .notifyUrl("https://shop.example.com/antom/notifications")
 *                 .build())
 *         .eventSink(event -> shipping.onEngineEvent(event))
 *         .build();                                      // the workers start here
 *
 * var order = engine.useCases().createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(...));
 * var attempt = engine.useCases().startPayment().start(new StartPayment.Command(orderId, options));
 * // send the buyer to attempt.value().redirectUrl(); hand Antom's notifications to useCases().handleNotification()
 * engine.close();                                        // on shutdown: workers stop, then what the engine opened
 * }</pre>
 *
 * <p>Every adapter can be replaced by the application's own: {@link Builder#stores(EngineStores)} (another
 * database), {@link Builder#paymentGateway(PaymentGateway)} and {@link Builder#notificationDecoder(NotificationDecoder)}
 * (another gateway, or a test double), {@link Builder#clock(Clock)} and {@link Builder#ids(IdGenerator)}. The
 * use cases are thread-safe; build one engine per application and {@link #close()} it on shutdown.
 */
public final class PayEngine implements AutoCloseable {

    /** How long {@link #close()} lets the workers finish the items in hand. */
    public static final Duration WORKER_STOP_GRACE = Duration.ofSeconds(10);

    private final EmbeddableComponent component;
    private final NodeWorkers workers;
    private final List<AutoCloseable> owned;

    private PayEngine(EmbeddableComponent component, NodeWorkers workers, List<AutoCloseable> owned) {
        this.component = component;
        this.workers = workers;
        this.owned = owned;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine's use cases, each built on the engine's ports: {@code engine.useCases().startPayment().start(...)}.
     * Thread-safe; a call may build a new (stateless) use case, so an application may keep the one it uses.
     */
    public UseCases useCases() {
        return component;
    }

    /** Whether this engine's background workers are running (they stop with {@link #close()}). */
    public boolean workersRunning() {
        return workers.running();
    }

    /**
     * Stops the workers (each finishes the item in hand, within {@link #WORKER_STOP_GRACE}), then releases what the
     * builder opened (the database pool of {@link Builder#database}). What the application passed in — a
     * {@link Builder#dataSource DataSource}, stores, adapters — stays open: it is the application's.
     */
    @Override
    public void close() {
        workers.stop(WORKER_STOP_GRACE);
        RuntimeException failure = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the engine failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Chooses the engine's adapters. Storage: exactly one of {@link #database(DatabaseSettings)},
     * {@link #dataSource(DataSource)} or {@link #stores(EngineStores)}. Antom: {@link #antom(AntomSettings)}, or
     * {@link #paymentGateway} with {@link #notificationDecoder}. An {@link #eventSink(EventSink)} is required: it is
     * how the application hears that an order is paid. The background workers run unless {@link #workers} says not.
     */
    public static final class Builder {
        private DatabaseSettings databaseSettings;
        private DataSource dataSource;
        private boolean migrate = true;
        private EngineStores stores;
        private AntomSettings antomSettings;
        private PaymentGateway gateway;
        private NotificationDecoder decoder;
        private EventSink eventSink;
        private Clock clock = SystemClock.INSTANCE;
        private IdGenerator ids;
        private WorkerSettings workerSettings = WorkerSettings.defaults();
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /**
         * Stores on the JDBC adapter (H2 or PostgreSQL) in a pool of the engine's own: opened by {@link #build()},
         * closed with the engine.
         */
        public Builder database(DatabaseSettings settings) {
            this.databaseSettings = Objects.requireNonNull(settings, "database settings");
            return this;
        }

        /**
         * Stores on the JDBC adapter over the application's own DataSource (H2 or PostgreSQL, told apart by the
         * connection's metadata), in the schema its connections start in. {@link #build()} takes one connection to
         * learn the database (so the database must be up); the engine never closes the DataSource. An H2 database
         * must run with the settings the engine's SQL relies on: open it with the URL
         * {@link Database#prepareJdbcUrl(String)} returns.
         */
        public Builder dataSource(DataSource applicationDataSource) {
            this.dataSource = Objects.requireNonNull(applicationDataSource, "data source");
            return this;
        }

        /**
         * Whether {@link #build()} applies the schema migrations to the {@link #database} or {@link #dataSource}
         * (default {@code true}). The engine's tables and its migration history ({@code payengine_schema_history})
         * sit beside the application's own.
         */
        public Builder migrate(boolean apply) {
            this.migrate = apply;
            return this;
        }

        /** The application's own stores instead of the JDBC adapter. */
        public Builder stores(EngineStores engineStores) {
            this.stores = Objects.requireNonNull(engineStores, "stores");
            return this;
        }

        /** Antom through the official SDK's models and signatures. */
        public Builder antom(AntomSettings settings) {
            this.antomSettings = Objects.requireNonNull(settings, "Antom settings");
            return this;
        }

        /** Another payment gateway instead of Antom's (or in front of it: a decorator that records calls). */
        public Builder paymentGateway(PaymentGateway paymentGateway) {
            this.gateway = Objects.requireNonNull(paymentGateway, "payment gateway");
            return this;
        }

        /** Another notification decoder, to go with another {@link #paymentGateway}. */
        public Builder notificationDecoder(NotificationDecoder notificationDecoder) {
            this.decoder = Objects.requireNonNull(notificationDecoder, "notification decoder");
            return this;
        }

        /** Where the engine's events go; must tolerate receiving an event twice (deduplicate by its id). */
        public Builder eventSink(EventSink sink) {
            this.eventSink = Objects.requireNonNull(sink, "event sink");
            return this;
        }

        /** The engine's clock (default the system clock), the workers' too; a test moves time with its own. */
        public Builder clock(Clock engineClock) {
            this.clock = Objects.requireNonNull(engineClock, "clock");
            return this;
        }

        /** How request ids are made (default 128 random bits each). */
        public Builder ids(IdGenerator idGenerator) {
            this.ids = Objects.requireNonNull(idGenerator, "ids");
            return this;
        }

        /**
         * How the background workers run (default {@link WorkerSettings#defaults()}: on, the same schedule as the
         * {@code serve} command); {@code WorkerSettings.defaults().withEnabled(false)} turns them off.
         *
         * <p>They are on by default because an engine without them loses money quietly: a payment whose
         * notification Antom never delivers stays pending although the buyer paid, a manual-capture authorization
         * passes its 7-day deadline and the funds are released, a duplicate success is never refunded, and no
         * event ever reaches the {@link #eventSink}. Turn them off only where other nodes on the same database run
         * them (they share the work safely through leases), or in a test that drives each step by hand.
         */
        public Builder workers(WorkerSettings settings) {
            this.workerSettings = Objects.requireNonNull(settings, "worker settings");
            return this;
        }

        /**
         * The application's Micrometer registry, where the engine's figures go under the names the standalone
         * engine's {@code /metrics} shows: the workers' lag, backlog and runs ({@code payengine.worker.*}), the event
         * sink's refusals ({@code payengine.event.deliveries.failed}), and with the JDBC stores the stored work
         * ({@code payengine.payment.attempts}, {@code payengine.outbox.*}, …; read at most every
         * {@link StoreFigures#MAX_AGE}) and, for a pool the engine opens, HikariCP's {@code hikaricp.*}. Default: a
         * registry of the engine's own that nobody reads.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meter registry");
            return this;
        }

        /**
         * Builds the engine: opens the database or takes the DataSource, migrates it, wires the use cases and
         * starts the workers.
         *
         * @throws IllegalStateException naming everything missing or given twice, or why the DataSource cannot
         *                               serve
         */
        public PayEngine build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("PayEngine cannot be built: " + String.join("; ", problems));
            }
            List<AutoCloseable> owned = new ArrayList<>();
            MeterRegistry registry = meterRegistry != null ? meterRegistry : new SimpleMeterRegistry();
            EngineStores engineStores = stores;
            if (engineStores == null) {
                Database database;
                if (databaseSettings != null) {
                    database = Database.open(databaseSettings, registry);
                    owned.add(database);
                } else {
                    database = Database.over(dataSource); // the application's: closing it is left to the application
                }
                if (migrate) {
                    migrateOrClose(database);
                }
                engineStores = EngineStores.of(database);
                StoreFigures.register(registry, database.statistics(), Optional.empty(), clock);
            }
            try {
                EmbeddableComponent component = DaggerEmbeddableComponent.builder()
                        .stores(engineStores)
                        .paymentGateway(gateway != null ? gateway : AntomPaymentGateway.create(antomSettings))
                        .notificationDecoder(decoder != null ? decoder : AntomNotificationDecoder.create(antomSettings))
                        .eventSink(new MeteredEventSink(eventSink, registry))
                        .clock(clock)
                        .ids(ids != null ? ids : new RandomIds())
                        .workers(workerSettings)
                        .meterRegistry(registry)
                        .build();
                NodeWorkers workers = NodeWorkers.startIfEnabled(workerSettings, component::workers);
                return new PayEngine(component, workers, owned);
            } catch (RuntimeException e) {
                for (AutoCloseable resource : owned) {
                    try {
                        resource.close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw e;
            }
        }

        private List<String> problems() {
            List<String> problems = new ArrayList<>();
            List<String> storage = new ArrayList<>();
            if (databaseSettings != null) {
                storage.add("database(...)");
            }
            if (dataSource != null) {
                storage.add("dataSource(...)");
            }
            if (stores != null) {
                storage.add("stores(...)");
            }
            if (storage.size() != 1) {
                problems.add("storage: give exactly one of database(...), dataSource(...) or stores(...)"
                        + (storage.isEmpty() ? "" : ", not " + String.join(" and ", storage)));
            }
            if (antomSettings == null && (gateway == null || decoder == null)) {
                problems.add("gateway: give antom(...), or both paymentGateway(...) and notificationDecoder(...)");
            }
            if (eventSink == null) {
                problems.add("eventSink: required, it is how the application hears that an order is paid");
            }
            return problems;
        }

        private static void migrateOrClose(Database database) {
            try {
                database.migrate();
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }
}
