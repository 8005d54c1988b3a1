package org.payengine.bootstrap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one test class, on the server named by {@code PAYENGINE_TEST_POSTGRES_URL},
 * dropped afterwards so that runs never collide. Absent (with a loud message) when the variable is not set.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL_VARIABLE = "PAYENGINE_TEST_POSTGRES_URL";

    private final String url;
    private final String schema;

    private PostgresSchema(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /** A fresh schema name on the test server, or empty (after printing why) when no server is configured. */
    public static Optional<PostgresSchema> create(String purpose) {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.out.println("""

                    ************************************************************************************
                    SKIPPED: %s on PostgreSQL does not run because %s is not set
                    (e.g. %s=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
                    ************************************************************************************
                    """.formatted(purpose, URL_VARIABLE, URL_VARIABLE));
            return Optional.empty();
        }
        return Optional.of(on(url));
    }

    /** A fresh schema name on the server at {@code url} (a JDBC URL). */
    public static PostgresSchema on(String url) {
        String schema = "bootstrap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        return new PostgresSchema(url, schema);
    }

    public String url() {
        return url;
    }

    public String schema() {
        return schema;
    }

    /** Whether the schema holds this table now. */
    public boolean hasTable(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             var rows = connection.getMetaData().getTables(null, schema, table, null)) {
            return rows.next();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
