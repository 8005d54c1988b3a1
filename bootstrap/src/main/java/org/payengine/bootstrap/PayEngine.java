package org.payengine.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.CloseOrder;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;
import org.payengine.bootstrap.wiring.DaggerEmbeddableComponent;
import org.payengine.bootstrap.wiring.EmbeddableComponent;
import org.payengine.bootstrap.wiring.JdbcStoresModule;

/**
 * PayEngine inside a Java application, without the HTTP server: the application calls the use cases itself
 * and receives the engine's events ("order paid — ship it") through its {@link EventSink}.
 *
 * <pre>{@code
 * PayEngine engine = PayEngine.builder()
 *         .database(DatabaseSettings.forUrl("jdbc:postgresql://db/shop", "shop", password))
 *         .antom(AntomSettings.builder()
 *                 .endpoint("SG").clientId(clientId)
 *                 .merchantPrivateKeyFile(Path.of("keys/merchant_private_key.pem"))
 *                 .antomPublicKeyFile(Path.of("keys/antom_public_key.pem"))
 *                 .notifyUrl("https://shop.example.com/antom/notifications")
 *                 .build())
 *         .eventSink(event -> shipping.onEngineEvent(event))
 *         .build();
 *
 * var order = engine.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(...));
 * var attempt = engine.startPayment().start(new StartPayment.Command(orderId, options));
 * // send the buyer to attempt.value().redirectUrl(); hand Antom's notifications to engine.handleNotification()
 * }</pre>
 *
 * <p>Every adapter can be replaced by the application's own: {@link Builder#stores(EngineStores)} (another
 * database), {@link Builder#paymentGateway(PaymentGateway)} and {@link Builder#notificationDecoder(NotificationDecoder)}
 * (another gateway, or a test double), {@link Builder#clock(Clock)} and {@link Builder#ids(IdGenerator)}. The
 * use cases are thread-safe; build one engine per application and {@link #close()} it on shutdown.
 */
public final class PayEngine implements AutoCloseable {

    private final EmbeddableComponent component;
    private final List<AutoCloseable> owned;

    private PayEngine(EmbeddableComponent component, List<AutoCloseable> owned) {
        this.component = component;
        this.owned = owned;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates an order, or returns the one with the same reference order id (idempotent). */
    public CreateOrGetOrder createOrGetOrder() {
        return component.createOrGetOrder();
    }

    public GetOrder getOrder() {
        return component.getOrder();
    }

    /** Closes an unpaid order for good. */
    public CloseOrder closeOrder() {
        return component.closeOrder();
    }

    /** Starts a payment attempt at Antom for an open order: the buyer then pays on Antom's hosted page. */
    public StartPayment startPayment() {
        return component.startPayment();
    }

    public GetPayment getPayment() {
        return component.getPayment();
    }

    /** Asks Antom how an attempt stands now and applies the answer. */
    public SyncPayment syncPayment() {
        return component.syncPayment();
    }

    /** Captures an authorized manual-capture payment (idempotent). */
    public CapturePayment capturePayment() {
        return component.capturePayment();
    }

    public CancelPayment cancelPayment() {
        return component.cancelPayment();
    }

    public ListPaymentMethods listPaymentMethods() {
        return component.listPaymentMethods();
    }

    /**
     * Verifies and applies one notification from Antom; the application's endpoint answers Antom as the
     * returned {@link HandleNotification.Handling} says (the acknowledgement body only once it is stored).
     */
    public HandleNotification handleNotification() {
        return component.handleNotification();
    }

    /** Delivers due events from the outbox to the event sink; call on a schedule unless workers run. */
    public PublishEvents publishEvents() {
        return component.publishEvents();
    }

    /** Takes one step to undo a duplicate success (cancel, or refund when Antom refuses to cancel). */
    public RemediateDuplicate remediateDuplicate() {
        return component.remediateDuplicate();
    }

    /** Releases what the builder opened (the database pool); adapters the application passed in are its own. */
    @Override
    public void close() {
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
     * Chooses the engine's adapters. Storage: {@link #database(DatabaseSettings)} or {@link #stores(EngineStores)}.
     * Antom: {@link #antom(AntomSettings)}, or {@link #paymentGateway} with {@link #notificationDecoder}. An
     * {@link #eventSink(EventSink)} is required: it is how the application hears that an order is paid.
     */
    public static final class Builder {
        private DatabaseSettings databaseSettings;
        private boolean migrate = true;
        private EngineStores stores;
        private AntomSettings antomSettings;
        private PaymentGateway gateway;
        private NotificationDecoder decoder;
        private EventSink eventSink;
        private Clock clock = SystemClock.INSTANCE;
        private IdGenerator ids;

        private Builder() {
        }

        /** Stores on the JDBC adapter (H2 or PostgreSQL); the pool is opened by {@link #build()} and closed with the engine. */
        public Builder database(DatabaseSettings settings) {
            this.databaseSettings = Objects.requireNonNull(settings, "database settings");
            return this;
        }

        /** Whether {@link #build()} applies the schema migrations to the {@link #database} (default {@code true}). */
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

        /** The engine's clock (default the system clock); a test moves time with its own. */
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
         * Builds the engine: opens the database (and migrates it) when {@link #database} was given.
         *
         * @throws IllegalStateException naming what is missing or given twice
         */
        public PayEngine build() {
            List<String> problems = new ArrayList<>();
            if ((databaseSettings == null) == (stores == null)) {
                problems.add("storage: give exactly one of database(...) or stores(...)");
            }
            if (antomSettings == null && (gateway == null || decoder == null)) {
                problems.add("gateway: give antom(...), or both paymentGateway(...) and notificationDecoder(...)");
            }
            if (eventSink == null) {
                problems.add("eventSink: required, it is how the application hears that an order is paid");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("PayEngine cannot be built: " + String.join("; ", problems));
            }
            List<AutoCloseable> owned = new ArrayList<>();
            EngineStores engineStores = stores;
            if (engineStores == null) {
                Database database = Database.open(databaseSettings);
                owned.add(database);
                if (migrate) {
                    migrateOrClose(database);
                }
                engineStores = JdbcStoresModule.storesOf(database);
            }
            EmbeddableComponent component = DaggerEmbeddableComponent.builder()
                    .stores(engineStores)
                    .paymentGateway(gateway != null ? gateway : AntomPaymentGateway.create(antomSettings))
                    .notificationDecoder(decoder != null ? decoder : AntomNotificationDecoder.create(antomSettings))
                    .eventSink(eventSink)
                    .clock(clock)
                    .ids(ids != null ? ids : new RandomIds())
                    .build();
            return new PayEngine(component, owned);
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
