package org.payengine.adapters.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine keeps its state and how it connects there.
 *
 * <p>Without a JDBC URL the engine uses an embedded H2 file database under {@code dataDirectory}
 * ({@link #DEFAULT_DATABASE_FILE_NAME}); with a {@code jdbc:postgresql:} URL it uses PostgreSQL.
 * Build one with {@link #embeddedUnder(Path)} or {@link #forUrl(String, String, String)} and
 * adjust it with the {@code with…} methods.
 *
 * @param jdbcUrl           the JDBC URL; empty means the embedded H2 file under {@code dataDirectory}
 * @param user              database user ({@code sa} for the embedded default)
 * @param password          database password (never logged)
 * @param poolSize          the most connections this node opens
 * @param dataDirectory     where the embedded database lives
 * @param schema            the schema to work in; empty means the connection's default
 * @param connectionTimeout how long a caller waits for a connection from the pool before the store reports itself
 *                          unavailable
 * @param statementTimeout  how long one statement may run before it is cancelled
 * @param connectTimeout    PostgreSQL: how long opening a new connection (TCP connect and login) may take
 * @param socketTimeout     PostgreSQL: the longest wait for the database's answer on an open connection; a connection
 *                          whose database went silent (a network partition, a dead host) is given up after it. Longer
 *                          than the statement timeout, so that a statement the database still runs is cancelled by
 *                          the database rather than cut off. Schema migrations are not held to it: a long one is never
 *                          cut off half-way
 * @param validationTimeout how long checking that a pooled connection is still alive may take before it is handed out
 *
 * <p>So a caller waits for a database that stopped answering at most the connection timeout (to get a connection,
 * checks and new connections included) plus the socket timeout (for the statement under way), then gets
 * {@code StoreUnavailableException}.
 */
public record DatabaseSettings(
        Optional<String> jdbcUrl,
        String user,
        String password,
        int poolSize,
        Path dataDirectory,
        Optional<String> schema,
        Duration connectionTimeout,
        Duration statementTimeout,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration validationTimeout) {

    /** File name (without H2's {@code .mv.db} suffix) of the embedded database. */
    public static final String DEFAULT_DATABASE_FILE_NAME = "payengine";
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");
    public static final String DEFAULT_EMBEDDED_USER = "sa";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(validationTimeout, "validationTimeout");
        jdbcUrl = jdbcUrl.map(String::strip).filter(url -> !url.isEmpty());
        jdbcUrl.ifPresent(Dialect::of); // fails early, naming the setting, for an unsupported URL
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            // HikariCP's own floor; a smaller value would be silently raised.
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, was " + statementTimeout);
        }
        // PostgreSQL's driver counts these in whole seconds
        if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("connectTimeout must be at least 1 s, was " + connectTimeout);
        }
        if (socketTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("socketTimeout must be at least 1 s, was " + socketTimeout);
        }
        if (validationTimeout.toMillis() < 250) {
            // HikariCP's own floor
            throw new IllegalArgumentException("validationTimeout must be at least 250 ms, was " + validationTimeout);
        }
        schema.ifPresent(DatabaseSettings::requirePlainIdentifier);
    }

    /** The embedded H2 file database under {@code dataDirectory}, with every default. */
    public static DatabaseSettings embeddedUnder(Path dataDirectory) {
        return new DatabaseSettings(Optional.empty(), DEFAULT_EMBEDDED_USER, "", DEFAULT_POOL_SIZE,
                dataDirectory, Optional.empty(), DEFAULT_CONNECTION_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, DEFAULT_VALIDATION_TIMEOUT);
    }

    /** The database at {@code jdbcUrl} (H2 or PostgreSQL), with every other default. */
    public static DatabaseSettings forUrl(String jdbcUrl, String user, String password) {
        return embeddedUnder(DEFAULT_DATA_DIRECTORY).withUrl(jdbcUrl).withCredentials(user, password);
    }

    public DatabaseSettings withUrl(String url) {
        return new DatabaseSettings(Optional.ofNullable(url), user, password, poolSize, dataDirectory, schema,
                connectionTimeout, statementTimeout, connectTimeout, socketTimeout, validationTimeout);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(jdbcUrl, newUser, newPassword, poolSize, dataDirectory, schema,
                connectionTimeout, statementTimeout, connectTimeout, socketTimeout, validationTimeout);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size, dataDirectory, schema,
                connectionTimeout, statementTimeout, connectTimeout, socketTimeout, validationTimeout);
    }

    public DatabaseSettings withDataDirectory(Path directory) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, directory, schema,
                connectionTimeout, statementTimeout, connectTimeout, socketTimeout, validationTimeout);
    }

    public DatabaseSettings withSchema(String schemaName) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, dataDirectory, Optional.ofNullable(schemaName),
                connectionTimeout, statementTimeout, connectTimeout, socketTimeout, validationTimeout);
    }

    public DatabaseSettings withTimeouts(Duration connection, Duration statement) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, dataDirectory, schema, connection, statement,
                connectTimeout, socketTimeout, validationTimeout);
    }

    /**
     * The waits on the network: opening a connection, an answer on an open one (both PostgreSQL), checking a pooled
     * connection.
     */
    public DatabaseSettings withNetworkTimeouts(Duration connect, Duration socket, Duration validation) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize, dataDirectory, schema, connectionTimeout,
                statementTimeout, connect, socket, validation);
    }

    /** The URL actually used: the configured one, or the embedded H2 file under the data directory. */
    public String effectiveJdbcUrl() {
        return jdbcUrl.orElseGet(() -> "jdbc:h2:file:"
                + dataDirectory.toAbsolutePath().normalize().resolve(DEFAULT_DATABASE_FILE_NAME));
    }

    Dialect dialect() {
        return Dialect.of(effectiveJdbcUrl());
    }

    /** Leaves the password out, so that settings can be logged. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Dialect.redactPassword(effectiveJdbcUrl()) + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "(set)") + ", poolSize=" + poolSize
                + ", schema=" + schema.orElse("(default)") + ", connectionTimeout=" + connectionTimeout
                + ", statementTimeout=" + statementTimeout + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", validationTimeout=" + validationTimeout + "]";
    }

    private static void requirePlainIdentifier(String name) {
        // The schema name is put into SQL (SET SCHEMA, CREATE SCHEMA), so only a plain identifier is accepted.
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier "
                    + "(letters, digits, underscore; at most 63), was '" + name + "'");
        }
    }
}
