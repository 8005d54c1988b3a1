package org.payengine.adapters.persistence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The databases the stores speak to, and what differs between them.
 *
 * <p>H2 runs in its PostgreSQL compatibility mode with lower-case identifiers, so both share one
 * SQL dialect (and one set of migration files) for nearly everything.
 */
enum Dialect {
    H2 {
        @Override
        String prepareUrl(String jdbcUrl, Duration lockTimeout) {
            Map<String, String> required = new LinkedHashMap<>();
            required.put("MODE", "PostgreSQL");
            required.put("DATABASE_TO_LOWER", "TRUE");
            required.put("DEFAULT_NULL_ORDERING", "HIGH");
            // H2 writes committed transactions to its file up to half a second later by default,
            // so a crashed process loses what it had acknowledged. With 0 every commit reaches the
            // file (the operating system's cache) before commit() returns, surviving kill -9.
            required.put("WRITE_DELAY", "0");
            // Wait for a row another transaction holds as long as a statement may run.
            required.put("LOCK_TIMEOUT", Long.toString(lockTimeout.toMillis()));
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
    },
    POSTGRESQL {
        @Override
        String prepareUrl(String jdbcUrl, Duration lockTimeout) {
            return jdbcUrl;
        }
    };

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    /** The URL with the settings the stores rely on added where the URL does not set them itself. */
    abstract String prepareUrl(String jdbcUrl, Duration lockTimeout);

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
