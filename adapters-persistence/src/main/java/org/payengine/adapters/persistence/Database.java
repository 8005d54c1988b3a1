package org.payengine.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.payengine.application.port.AuditLog;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.DueWork;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Outbox;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ScheduledJobs;
import org.payengine.application.port.StoreHealth;
import org.payengine.application.port.SucceededTransactions;
import org.payengine.application.port.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's database: a connection pool, its schema and the stores built on it.
 *
 * <p>{@link #open(DatabaseSettings)} opens a pool of the engine's own (creating the embedded database and its
 * directory on first use); {@link #over(DataSource, Duration)} works over an application's own pool instead.
 * {@link #migrate()} brings the schema to the latest version and is what the {@code migrate} command and the start
 * of {@code serve} call. The stores ({@link #orders()}, {@link #outbox()}, …) all take part in the transactions of
 * {@link #transactions()}. Closing it releases the pool it opened, and never a pool it was given.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Optional<DatabaseSettings> settings;
    private final Dialect dialect;
    private final DataSource dataSource;
    private final Optional<String> schema;
    /** The pool this object opened and must close; empty for a pool the application lent it. */
    private final Optional<HikariDataSource> ownPool;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final JdbiOrders orders;
    private final JdbiAuditLog auditLog;
    private final JdbiOutbox outbox;
    private final JdbiDueWork dueWork;
    private final JdbiNotificationInbox notificationInbox;
    private final JdbiCardTokens cardTokens;
    private final JdbiOrderListing orderListing;
    private final JdbiReconciliations reconciliations;
    private final JdbiIdempotencyKeys idempotencyKeys;

    private Database(Optional<DatabaseSettings> settings, Dialect dialect, DataSource dataSource,
                     Optional<String> schema, Duration statementTimeout, Optional<HikariDataSource> ownPool) {
        this.settings = settings;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.schema = schema;
        this.ownPool = ownPool;
        this.jdbi = Jdbi.create(dataSource);
        // The URL of an H2 pool opened here holds the statement timeout (Dialect.H2.prepareUrl): set per statement
        // as well, it would make H2 parse every statement again. An application's own pool gets it per statement.
        boolean timeoutInUrl = dialect == Dialect.H2 && ownPool.isPresent();
        jdbi.getConfig(SqlStatements.class).setQueryTimeout(timeoutInUrl ? null
                : (int) Math.max(1, statementTimeout.toSeconds()));
        this.transactions = new JdbiTransactions(jdbi);
        this.orders = new JdbiOrders(transactions);
        this.auditLog = new JdbiAuditLog(transactions);
        this.outbox = new JdbiOutbox(transactions);
        this.dueWork = new JdbiDueWork(transactions);
        this.notificationInbox = new JdbiNotificationInbox(transactions);
        this.cardTokens = new JdbiCardTokens(transactions);
        this.orderListing = new JdbiOrderListing(transactions);
        this.reconciliations = new JdbiReconciliations(transactions);
        this.idempotencyKeys = new JdbiIdempotencyKeys(transactions);
    }

    /**
     * Connects to the database the settings name. The embedded default is created (with its
     * directory) when missing; a configured schema is created when missing.
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * As {@link #open(DatabaseSettings)}, with the pool's figures (connections active, idle, pending, the waits for
     * one: HikariCP's {@code hikaricp_*} meters) in the given registry.
     */
    public static Database open(DatabaseSettings settings, MeterRegistry registry) {
        Dialect dialect = settings.dialect();
        String url = dialect.prepareUrl(settings.effectiveJdbcUrl(), settings);
        if (settings.jdbcUrl().isEmpty()) {
            createDirectory(settings);
        }
        settings.schema().ifPresent(schema -> createSchemaIfMissing(url, settings, schema));

        HikariConfig config = new HikariConfig();
        config.setPoolName("payengine-db");
        config.setJdbcUrl(url);
        // An empty user or password is left out, so one given in the URL itself applies.
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // checking a connection is part of getting one: never longer than the wait for one
        config.setValidationTimeout(Math.min(settings.validationTimeout().toMillis(),
                settings.connectionTimeout().toMillis()));
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Start even while the database is down: each use then reports StoreUnavailableException
        // (503, Antom retries) instead of the node failing to start.
        config.setInitializationFailTimeout(-1);
        settings.schema().ifPresent(config::setSchema);
        if (registry != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        log.info("Opening {}", settings);
        HikariDataSource pool = new HikariDataSource(config);
        return new Database(Optional.of(settings), dialect, pool, settings.schema(), settings.statementTimeout(),
                Optional.of(pool));
    }

    /**
     * The stores over the application's own {@link DataSource} (H2 or PostgreSQL, told apart by the connection's
     * metadata), in the schema its connections start in. One connection is taken now, to learn the dialect and to
     * check that an H2 database runs with the settings the stores' SQL relies on ({@link #prepareJdbcUrl} adds them
     * to a URL). {@link #close()} leaves the DataSource open: it is the application's.
     *
     * <p>The stores expect {@code READ COMMITTED} (the default of both databases) and work in transactions of
     * their own on each connection they borrow, returning it as they found it.
     *
     * @param statementTimeout how long one statement may run before it is cancelled
     * @throws IllegalStateException when no connection can be had, the database is neither H2 nor PostgreSQL, or an
     *                               H2 database lacks a required setting (the message names them)
     */
    public static Database over(DataSource dataSource, Duration statementTimeout) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, was " + statementTimeout);
        }
        Dialect dialect = Dialect.of(dataSource);
        log.info("Using the application's {} DataSource; it stays open when the engine closes", dialect);
        return new Database(Optional.empty(), dialect, dataSource, Optional.empty(), statementTimeout,
                Optional.empty());
    }

    /** {@link #over(DataSource, Duration)} with the default statement timeout (10 s). */
    public static Database over(DataSource dataSource) {
        return over(dataSource, DatabaseSettings.DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * For an application that opens its own pool for the engine: {@code jdbcUrl} with the settings the stores rely
     * on added where the URL does not set them itself. For H2 these are PostgreSQL mode, lower-case identifiers,
     * nulls sorted last, every commit written at once, a lock timeout and no closing at JVM exit behind the
     * application's back; for PostgreSQL, the driver's connect, login and socket timeouts (the defaults of
     * {@link DatabaseSettings}), so that no wait on the network is endless.
     *
     * @throws IllegalArgumentException when the URL is neither {@code jdbc:h2:} nor {@code jdbc:postgresql:}
     */
    public static String prepareJdbcUrl(String jdbcUrl) {
        return Dialect.of(jdbcUrl).prepareUrl(jdbcUrl, DatabaseSettings.embeddedUnder(DatabaseSettings.DEFAULT_DATA_DIRECTORY));
    }

    /** Applies the migrations this database lacks; returns how many (0 when the schema is current). */
    public int migrate() {
        int applied;
        try {
            // a long migration must not be cut off by the socket timeout that bounds the requests' waits
            DataSource migrations = ownPool.<DataSource>map(MigrationConnections::new).orElse(dataSource);
            applied = SchemaMigrations.migrate(migrations, schema);
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e);
        }
        log.info("Schema migrations applied: {} (now at version {})", applied,
                SchemaMigrations.currentVersion(dataSource, schema).orElse("none"));
        return applied;
    }

    /**
     * What a starting node does: when the schema already records the latest migration as applied (one query), nothing
     * more; otherwise {@link #migrate()}. Unlike {@link #migrate()} it does not have Flyway validate the applied
     * migrations against the files when the schema is current: that is the {@code migrate} command's job, and it
     * saves every start the loading of Flyway and the reading of the files.
     *
     * @return how many migrations were applied (0 when the schema was current)
     */
    public int migrateUnlessCurrent() {
        if (SchemaMigrations.isCurrent(dataSource)) {
            log.info("Schema is current (version {})", SchemaMigrations.LATEST_VERSION);
            return 0;
        }
        return migrate();
    }

    /** The transaction boundary the stores below share: one transaction per unit of work and thread. */
    public Transactions transactions() {
        return transactions;
    }

    public Orders orders() {
        return orders;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The background work that is due, kept in step by {@link #orders()}' saves; leased to one node at a time. */
    public DueWork dueWork() {
        return dueWork;
    }

    public NotificationInbox notificationInbox() {
        return notificationInbox;
    }

    public CardTokens cardTokens() {
        return cardTokens;
    }

    /** The orders newest first, a page at a time (the demo's orders page). */
    public OrderListing orderListing() {
        return orderListing;
    }

    /** Reconciliation's runs, discrepancies and what the reports say of each transaction. */
    public Reconciliations reconciliations() {
        return reconciliations;
    }

    /** Jobs one node of many runs at a time (the daily reconciliation). */
    public ScheduledJobs scheduledJobs() {
        return new JdbiScheduledJobs(transactions);
    }

    /** The engine's successes by when they were made, which reconciliation looks for in Antom's reports. */
    public SucceededTransactions succeededTransactions() {
        return new JdbiSucceededTransactions(jdbi);
    }

    /**
     * The merchant API's idempotency keys with the answers they got, shared by every node on this database. Not one
     * of the engine's stores for embedding: only the HTTP edge uses it.
     */
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    /** A round trip to the database, for {@code GET /health}. */
    public StoreHealth storeHealth() {
        return new JdbiStoreHealth(jdbi);
    }

    /** Counts of attempts by status, unmatched notifications, undelivered and dead-lettered events, for {@code GET /metrics}. */
    public EngineStatistics statistics() {
        return new JdbiEngineStatistics(jdbi);
    }

    /** The settings this database was opened with; empty over an application's own DataSource. */
    public Optional<DatabaseSettings> settings() {
        return settings;
    }

    Dialect dialect() {
        return dialect;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool {@link #open} opened; a DataSource given to {@link #over} stays open. */
    @Override
    public void close() {
        ownPool.ifPresent(HikariDataSource::close);
    }

    private static void createDirectory(DatabaseSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDirectory(), e);
        }
    }

    /**
     * The pool sets the schema on every connection it opens, which H2 refuses for a schema that
     * does not exist yet; so it is created first, over one plain connection. Existence is checked
     * before creating because PostgreSQL demands the CREATE privilege even for
     * {@code CREATE SCHEMA IF NOT EXISTS}.
     */
    private static void createSchemaIfMissing(String url, DatabaseSettings settings, String schema) {
        Properties credentials = new Properties();
        if (!settings.user().isEmpty()) {
            credentials.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            credentials.setProperty("password", settings.password());
        }
        try (Connection connection = DriverManager.getConnection(url, credentials);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rows = connection.getMetaData().getSchemas(null, schema)) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in "
                    + Dialect.redactPassword(url) + ": " + e.getMessage(), e);
        }
    }

    Optional<String> schema() {
        return schema;
    }
}
