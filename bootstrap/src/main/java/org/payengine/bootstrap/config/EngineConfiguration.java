package org.payengine.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.worker.WorkerSettings;

/**
 * Everything {@code serve} needs, read and validated from the named values at once: a bad or missing setting
 * fails the start with a {@link ConfigurationException} that names every problem.
 *
 * @param http           the HTTP server: listener, API keys, public URL, limits
 * @param database       the database and its pool
 * @param antom          Antom's endpoint, client id and keys, and the notify URL
 * @param workers        whether and how this node runs the background workers
 * @param migrateOnStart whether {@code serve} applies the schema migrations before serving
 * @param shutdownGrace  how long a stopping engine lets in-flight work finish
 * @param webhook        where the engine posts its events, signed; empty to log them instead
 * @param reconciliation how the engine checks its records against Antom's reports
 */
public record EngineConfiguration(HttpSettings http, DatabaseSettings database, AntomSettings antom, WorkerSettings workers,
                                  boolean migrateOnStart, Duration shutdownGrace, Optional<WebhookSettings> webhook,
                                  ReconciliationConfiguration reconciliation) {

    public EngineConfiguration {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(antom, "antom");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(reconciliation, "reconciliation");
    }

    /** @throws ConfigurationException naming every setting that is missing or wrong */
    public static EngineConfiguration read(ConfigurationValues values) {
        SettingsReader reader = new SettingsReader(values);
        int port = reader.integer(Setting.HTTP_PORT, 0, 65535);
        URI publicUrl = reader.httpUrl(Setting.PUBLIC_URL).orElse(URI.create("http://127.0.0.1:" + port));
        boolean publicUrlConfigured = values.get(Setting.PUBLIC_URL).isPresent();
        HttpSettings http = HttpConfiguration.read(reader, port, publicUrl);
        DatabaseSettings database = DatabaseConfiguration.read(reader);
        AntomSettings antom = AntomConfiguration.read(reader, publicUrl, publicUrlConfigured).orElse(null);
        WorkerSettings workers = WorkerConfiguration.read(reader);
        reader.choice(Setting.LOG_LEVEL, LogLevel.class); // applied by the logging set-up; a misspelt level is a problem
        boolean migrateOnStart = reader.flag(Setting.MIGRATE_ON_START);
        Duration grace = Duration.ofSeconds(reader.integer(Setting.SHUTDOWN_GRACE_SECONDS, 0, 3600));
        Optional<WebhookSettings> webhook = WebhookConfiguration.read(reader);
        ReconciliationConfiguration reconciliation = ReconciliationConfiguration.read(reader);
        reader.failOnProblems();
        return new EngineConfiguration(http, database, antom, workers, migrateOnStart, grace, webhook, reconciliation);
    }

    /**
     * Every setting with its effective value and where it came from, secrets masked: what {@code serve --show-config}
     * prints and the log shows at start-up.
     */
    public static List<String> describe(ConfigurationValues values) {
        List<String> lines = new ArrayList<>();
        int width = Arrays.stream(Setting.values()).mapToInt(setting -> setting.variable().length()).max().orElse(0);
        for (Setting setting : Setting.values()) {
            String shown = values.get(setting)
                    .map(value -> (setting.secret() ? mask(value) : abbreviated(value)) + "  ("
                            + values.origin(setting).orElse("") + ")")
                    .orElseGet(() -> setting.defaultValue().map(value -> value + "  (default)").orElse("(not set)"));
            lines.add(String.format("%-" + width + "s = %s", setting.variable(), shown));
        }
        return lines;
    }

    /** The levels {@link Setting#LOG_LEVEL} may name. */
    private enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    /** Long values (a public key given inline) shortened to keep the dump one line per setting. */
    private static String abbreviated(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 72 ? oneLine : oneLine.substring(0, 40) + "… (" + value.length() + " characters)";
    }

    /** A secret's shape without its content: how many values (comma-separated) and that they are set. */
    static String mask(String secret) {
        long parts = Arrays.stream(secret.split(",")).filter(part -> !part.isBlank()).count();
        return parts > 1 ? "****** (" + parts + " values)" : "******";
    }
}
