package org.payengine.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One test class's own database: an H2 file in a fresh temporary directory, or a fresh schema in
 * the PostgreSQL database the environment names. Closing it closes every pool opened on it and
 * removes the database, so runs sharing a PostgreSQL server never see each other's rows.
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "PAYENGINE_TEST_POSTGRES_URL";
    static final String POSTGRES_SKIPPED_MESSAGE = "SKIPPED: the PostgreSQL half of the persistence suite does not run "
            + "because " + POSTGRES_URL_VARIABLE + " is not set (e.g. "
            + POSTGRES_URL_VARIABLE + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";

    private final Backend backend;
    private final DatabaseSettings settings;
    private final Path directory;
    private final List<Database> opened = new ArrayList<>();
    private final List<String> extraSchemas = new ArrayList<>();
    private Database shared;

    private TestDatabase(Backend backend, DatabaseSettings settings, Path directory) {
        this.backend = backend;
        this.settings = settings;
        this.directory = directory;
    }

    static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(POSTGRES_URL_VARIABLE)).map(String::strip).filter(url -> !url.isEmpty());
    }

    static TestDatabase create(Backend backend, String purpose) {
        Path directory = temporaryDirectory();
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(directory)
                .withPoolSize(8)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        if (backend == Backend.POSTGRESQL) {
            String url = postgresUrl().orElseThrow(() -> new IllegalStateException(POSTGRES_SKIPPED_MESSAGE));
            settings = settings.withUrl(url).withCredentials("", "").withSchema(uniqueSchemaName(purpose));
        }
        return new TestDatabase(backend, settings, directory);
    }

    Backend backend() {
        return backend;
    }

    DatabaseSettings settings() {
        return settings;
    }

    /** The class's database with the latest schema, opened once and shared by its tests. */
    synchronized Database migrated() {
        if (shared == null) {
            shared = open();
            shared.migrate();
        }
        return shared;
    }

    /** A new pool on the same database: another engine node, as far as the database can tell. */
    synchronized Database open() {
        return open(settings);
    }

    synchronized Database open(DatabaseSettings adjusted) {
        Database database = Database.open(adjusted);
        opened.add(database);
        return database;
    }

    /**
     * Opens a pool on a further, empty database (no schema applied), removed with this one: for tests
     * of the migrations themselves.
     */
    synchronized Database openEmpty(String name) {
        if (backend == Backend.POSTGRESQL) {
            String schema = uniqueSchemaName(name);
            extraSchemas.add(schema);
            return open(settings.withSchema(schema));
        }
        return open(settings.withDataDirectory(directory.resolve(name)));
    }

    /** Empties every table the engine owns (not Flyway's history), so a test starts from nothing. */
    void deleteAllRows() {
        migrated().jdbi().useTransaction(handle -> {
            for (String table : List.of("audit_entries", "refunds", "captures", "payment_attempts", "orders",
                    "notifications", "outbox_events", "card_tokens", "due_work")) {
                handle.execute("DELETE FROM " + table);
            }
        });
    }

    @Override
    public synchronized void close() {
        opened.forEach(Database::close);
        opened.clear();
        settings.schema().ifPresent(this::dropSchema);
        extraSchemas.forEach(this::dropSchema);
        deleteRecursively(directory);
    }

    private void dropSchema(String schema) {
        dropSchema(settings.effectiveJdbcUrl(), schema);
    }

    /** Drops a PostgreSQL schema and everything in it (a test's or a benchmark's own). */
    static void dropSchema(String url, String schema) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }

    private static String uniqueSchemaName(String purpose) {
        String hint = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        hint = hint.substring(0, Math.min(hint.length(), 30));
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return "payengine_test_" + hint + "_" + HexFormat.of().formatHex(random);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("payengine-test-db-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
