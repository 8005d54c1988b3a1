package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void the_default_is_an_h2_file_under_the_data_directory() {
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(Path.of("/srv/payengine/data"));

        assertEquals("jdbc:h2:file:/srv/payengine/data/payengine", settings.effectiveJdbcUrl());
        assertEquals(Dialect.H2, settings.dialect());
        assertEquals(DatabaseSettings.DEFAULT_POOL_SIZE, settings.poolSize());
    }

    @Test
    void the_embedded_url_commits_durably_and_speaks_postgresql() {
        String url = Dialect.H2.prepareUrl("jdbc:h2:file:/data/payengine", DatabaseSettings.embeddedUnder(Path.of("/data")));

        assertTrue(url.contains(";WRITE_DELAY=0"), url);
        assertTrue(url.contains(";MODE=PostgreSQL"), url);
        assertTrue(url.contains(";DATABASE_TO_LOWER=TRUE"), url);
        assertTrue(url.contains(";LOCK_TIMEOUT=10000"), url);
    }

    @Test
    void an_h2_url_keeps_the_settings_it_chose_itself() {
        String url = Dialect.H2.prepareUrl("jdbc:h2:file:/data/x;WRITE_DELAY=100",
                DatabaseSettings.embeddedUnder(Path.of("/data")));

        assertTrue(url.contains(";WRITE_DELAY=100"), url);
        assertFalse(url.contains(";WRITE_DELAY=0"), url);
    }

    @Test
    void the_embedded_database_is_closed_by_the_engine_not_by_h2_at_jvm_exit() {
        String url = Dialect.H2.prepareUrl("jdbc:h2:file:/data/payengine", DatabaseSettings.embeddedUnder(Path.of("/data")));

        assertTrue(url.contains(";DB_CLOSE_ON_EXIT=FALSE"), url);
    }

    @Test
    void a_postgresql_url_selects_the_postgresql_dialect_and_gets_every_network_wait_bounded() {
        DatabaseSettings settings = DatabaseSettings.forUrl("jdbc:postgresql://db:5432/pay", "engine", "secret")
                .withNetworkTimeouts(Duration.ofMillis(2500), Duration.ofSeconds(20), Duration.ofSeconds(1));

        assertEquals(Dialect.POSTGRESQL, settings.dialect());
        assertEquals("jdbc:postgresql://db:5432/pay?connectTimeout=3&loginTimeout=3&socketTimeout=20",
                Dialect.POSTGRESQL.prepareUrl(settings.effectiveJdbcUrl(), settings));
    }

    @Test
    void a_postgresql_url_keeps_the_timeouts_it_chose_itself() {
        DatabaseSettings settings = DatabaseSettings.forUrl("jdbc:postgresql://db/pay?user=x&socketTimeout=60", "", "");

        assertEquals("jdbc:postgresql://db/pay?user=x&socketTimeout=60&connectTimeout=5&loginTimeout=5",
                Dialect.POSTGRESQL.prepareUrl(settings.effectiveJdbcUrl(), settings));
    }

    @Test
    void an_unsupported_url_is_refused_naming_the_setting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.forUrl("jdbc:mysql://db/pay", "u", "p"));

        assertTrue(refused.getMessage().startsWith("database URL must start with jdbc:h2: or jdbc:postgresql:"),
                refused.getMessage());
    }

    @Test
    void a_blank_url_means_the_embedded_default() {
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(Path.of("/d")).withUrl("  ");

        assertEquals("jdbc:h2:file:/d/payengine", settings.effectiveJdbcUrl());
    }

    @Test
    void nonsense_sizes_and_schema_names_are_refused_naming_the_field() {
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(Path.of("/d"));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.withPoolSize(0))
                .getMessage().startsWith("poolSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.withSchema("x; DROP TABLE orders"))
                .getMessage().startsWith("schema"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings.withTimeouts(Duration.ofMillis(10), Duration.ofSeconds(1)))
                .getMessage().startsWith("connectionTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings.withNetworkTimeouts(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(2)))
                .getMessage().startsWith("connectTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings.withNetworkTimeouts(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(2)))
                .getMessage().startsWith("socketTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings.withNetworkTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMillis(100)))
                .getMessage().startsWith("validationTimeout"));
    }

    @Test
    void passwords_never_appear_in_the_text_of_the_settings() {
        DatabaseSettings settings = DatabaseSettings.forUrl(
                "jdbc:postgresql://db/pay?user=engine&password=url-secret", "engine", "field-secret");

        assertFalse(settings.toString().contains("url-secret"), settings.toString());
        assertFalse(settings.toString().contains("field-secret"), settings.toString());
    }
}
