package org.payengine.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.payengine.adapters.persistence.DatabaseSettings;

/** Reads the database settings ({@code PAYENGINE_DB_*}, {@code PAYENGINE_DATA_DIR}) into {@link DatabaseSettings}. */
public final class DatabaseConfiguration {

    private DatabaseConfiguration() {
    }

    /**
     * The database settings alone, for {@code migrate}: nothing else needs to be configured to apply the schema.
     *
     * @throws ConfigurationException naming every setting that is wrong
     */
    public static DatabaseSettings read(ConfigurationValues values) {
        SettingsReader reader = new SettingsReader(values);
        DatabaseSettings settings = read(reader);
        reader.failOnProblems();
        return settings;
    }

    static DatabaseSettings read(SettingsReader reader) {
        Path dataDirectory = dataDirectory(reader);
        Optional<String> url = reader.text(Setting.DB_URL);
        String user = reader.text(Setting.DB_USER).orElse(url.isPresent() ? "" : DatabaseSettings.DEFAULT_EMBEDDED_USER);
        String password = reader.text(Setting.DB_PASSWORD).orElse("");
        int poolSize = reader.integer(Setting.DB_POOL_SIZE, 1, 1000);
        Duration connectionTimeout = reader.millis(Setting.DB_CONNECTION_TIMEOUT_MILLIS, Duration.ofMillis(250));
        Duration statementTimeout = reader.millis(Setting.DB_STATEMENT_TIMEOUT_MILLIS, Duration.ofSeconds(1));
        Duration connectTimeout = reader.seconds(Setting.DB_CONNECT_TIMEOUT_SECONDS, Duration.ofSeconds(1));
        Duration socketTimeout = reader.seconds(Setting.DB_SOCKET_TIMEOUT_SECONDS, Duration.ofSeconds(1));
        Duration validationTimeout = reader.millis(Setting.DB_VALIDATION_TIMEOUT_MILLIS, Duration.ofMillis(250));
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            reader.problem(Setting.DB_SOCKET_TIMEOUT_SECONDS.variable() + ": must be longer than "
                    + Setting.DB_STATEMENT_TIMEOUT_MILLIS.variable() + " (" + statementTimeout.toMillis() + " ms), so "
                    + "that a statement the database still runs is cancelled, not cut off; was " + socketTimeout.toSeconds()
                    + " s");
        }
        Optional<String> schema = reader.text(Setting.DB_SCHEMA);
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(dataDirectory)
                .withCredentials(user, password)
                .withPoolSize(poolSize)
                .withTimeouts(connectionTimeout, statementTimeout)
                .withNetworkTimeouts(connectTimeout, socketTimeout, validationTimeout);
        if (url.isPresent()) {
            if (url.get().startsWith("jdbc:h2:") || url.get().startsWith("jdbc:postgresql:")) {
                settings = settings.withUrl(url.get());
            } else {
                // not repeated: a JDBC URL may hold a password
                reader.problem(Setting.DB_URL.variable() + ": must start with jdbc:postgresql: or jdbc:h2:");
            }
        }
        if (schema.isPresent()) {
            DatabaseSettings base = settings;
            settings = reader.attempt(Setting.DB_SCHEMA.variable(), () -> base.withSchema(schema.get())).orElse(base);
        }
        return settings;
    }

    private static Path dataDirectory(SettingsReader reader) {
        return reader.path(Setting.DATA_DIR).normalize();
    }
}
