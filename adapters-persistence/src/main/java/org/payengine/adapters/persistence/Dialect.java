package org.payengine.adapters.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The databases the stores speak to, and what differs between them.
 *
 * <p>H2 runs in its PostgreSQL compatibility mode with lower-case identifiers, so both share one
 * SQL dialect (and one set of migration files) for nearly everything.
 */
enum Dialect {
    H2 {
        @Override
        String prepareUrl(String jdbcUrl, DatabaseSettings settings) {
            Duration lockTimeout = settings.statementTimeout();
            Map<String, String> required = new LinkedHashMap<>();
            required.put("MODE", "PostgreSQL");
            required.put("DATABASE_TO_LOWER", "TRUE");
            required.put("DEFAULT_NULL_ORDERING", "HIGH");
            // H2 writes committed transactions to its file up to half a second later by default,
            // so a crashed process loses what it had acknowledged. With 0 every commit reaches the
            // file (the operating system's cache) before commit() returns, surviving kill -9.
            required.put("WRITE_DELAY", "0");
            // H2 keeps a connection's last 8 parsed statements by default, fewer than one use case sends,
            // so every statement was parsed again on every call.
            required.put("QUERY_CACHE_SIZE", "128");
            // Wait for a row another transaction holds as long as a statement may run.
            required.put("LOCK_TIMEOUT", Long.toString(lockTimeout.toMillis()));
            // The statement timeout, once per connection. Given per statement (JDBC's setQueryTimeout), H2 runs
            // SET QUERY_TIMEOUT before each one, and every SET empties every connection's cache of parsed
            // statements, so all SQL was parsed again each time it ran.
            required.put("QUERY_TIMEOUT", Long.toString(settings.statementTimeout().toMillis()));
            // H2 closes the database in a shutdown hook of its own by default, which runs beside the engine's at
            // SIGTERM: requests in flight and the workers' last runs would find it closed. The engine (or the
            // application over its own pool) closes it, after they have finished.
            required.put("DB_CLOSE_ON_EXIT", "FALSE");
            if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
                required.put("DB_CLOSE_DELAY", "-1"); // keep the database while the pool is idle
            }
            StringBuilder url = new StringBuilder(jdbcUrl);
            String upper = jdbcUrl.toUpperCase(Locale.ROOT);
            required.forEach((setting, value) -> {
                if (!upper.contains(";" + setting + "=")) {
                    url.append(';').append(setting).append('=').append(value);
                }
            });
            return url.toString();
        }

        /**
         * The settings that change what the stores' SQL means (the others only change durability and waiting). H2
         * takes them from the URL when the database opens, so an application's pool must have been opened with them.
         */
        @Override
        void requireSettings(Connection connection) throws SQLException {
            Map<String, String> required = Map.of(
                    "MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE", "DEFAULT_NULL_ORDERING", "HIGH");
            Map<String, String> actual = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
                         + " FROM INFORMATION_SCHEMA.SETTINGS"
                         + " WHERE SETTING_NAME IN ('MODE', 'DATABASE_TO_LOWER', 'DEFAULT_NULL_ORDERING')")) {
                while (rows.next()) {
                    actual.put(rows.getString(1), rows.getString(2));
                }
            }
            List<String> missing = new ArrayList<>();
            required.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> {
                String value = actual.get(setting.getKey());
                if (!setting.getValue().equalsIgnoreCase(value)) {
                    missing.add(setting.getKey() + "=" + setting.getValue() + " (is " + value + ")");
                }
            });
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the H2 database behind the DataSource lacks settings the engine's"
                        + " SQL relies on: " + String.join(", ", missing) + "; open the pool with the URL"
                        + " Database.prepareJdbcUrl(url) returns");
            }
        }
    },
    POSTGRESQL {
        /**
         * Every wait on the network bounded: the driver waits for ever by default for an answer on an open connection
         * (a statement timeout is enforced by a cancel request, which a partitioned network swallows too) and for the
         * login on a new one.
         */
        @Override
        String prepareUrl(String jdbcUrl, DatabaseSettings settings) {
            Map<String, String> required = new LinkedHashMap<>();
            required.put("connectTimeout", wholeSeconds(settings.connectTimeout()));
            required.put("loginTimeout", wholeSeconds(settings.connectTimeout()));
            required.put("socketTimeout", wholeSeconds(settings.socketTimeout()));
            StringBuilder url = new StringBuilder(jdbcUrl);
            String lower = jdbcUrl.toLowerCase(Locale.ROOT);
            required.forEach((parameter, value) -> {
                if (!lower.matches(".*[?&]" + parameter.toLowerCase(Locale.ROOT) + "=.*")) {
                    url.append(url.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=').append(value);
                }
            });
            return url.toString();
        }

        private static String wholeSeconds(Duration duration) {
            return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
        }
    };

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    /** The URL with the settings the stores rely on added where the URL does not set them itself. */
    abstract String prepareUrl(String jdbcUrl, DatabaseSettings settings);

    /** Refuses a database not set up the way the stores' SQL needs (for a pool the engine did not open). */
    void requireSettings(Connection connection) throws SQLException {
    }

    /**
     * The dialect of the database behind an application's DataSource, from one connection's metadata (its URL, as
     * {@link #of(String)} reads it, else the product name); the database's settings are checked on the way.
     */
    static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            Dialect dialect = of(metadata.getURL(), metadata.getDatabaseProductName());
            dialect.requireSettings(connection);
            return dialect;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the DataSource: " + e.getMessage(), e);
        }
    }

    private static Dialect of(String url, String productName) {
        String product = productName == null ? "" : productName.strip();
        if ((url != null && url.startsWith("jdbc:h2:")) || product.equals("H2")) {
            return H2;
        }
        if ((url != null && url.startsWith("jdbc:postgresql:")) || product.equals("PostgreSQL")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("the DataSource connects to " + (product.isEmpty() ? "an unknown database"
                : product) + (url == null ? "" : " at " + redactPassword(url)) + "; the stores speak H2 or PostgreSQL");
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("database URL must start with jdbc:h2: or jdbc:postgresql:, was '"
                + redactPassword(jdbcUrl) + "'");
    }

    static String redactPassword(String jdbcUrl) {
        return PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
    }
}
