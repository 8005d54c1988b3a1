package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.persistence.DatabaseSettings;

class DatabaseConfigurationTest {

    @Test
    void without_settings_the_database_is_an_h2_file_under_the_default_data_directory() {
        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.of(Map.of()));

        assertEquals(Optional.empty(), settings.jdbcUrl());
        assertEquals(Path.of("data"), settings.dataDirectory());
        assertEquals("sa", settings.user());
        assertEquals(DatabaseSettings.DEFAULT_POOL_SIZE, settings.poolSize());
    }

    @Test
    void every_database_setting_is_read() {
        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.of(Map.of(
                "PAYENGINE_DB_URL", "jdbc:postgresql://db:5432/pay",
                "PAYENGINE_DB_USER", "payengine",
                "PAYENGINE_DB_PASSWORD", "s3cret",
                "PAYENGINE_DB_SCHEMA", "engine",
                "PAYENGINE_DB_POOL_SIZE", "24",
                "PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS", "1500",
                "PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS", "3000",
                "PAYENGINE_DB_CONNECT_TIMEOUT_SECONDS", "2",
                "PAYENGINE_DB_SOCKET_TIMEOUT_SECONDS", "8",
                "PAYENGINE_DB_VALIDATION_TIMEOUT_MILLIS", "700")));

        assertEquals(Optional.of("jdbc:postgresql://db:5432/pay"), settings.jdbcUrl());
        assertEquals("payengine", settings.user());
        assertEquals("s3cret", settings.password());
        assertEquals(Optional.of("engine"), settings.schema());
        assertEquals(24, settings.poolSize());
        assertEquals(Duration.ofMillis(1500), settings.connectionTimeout());
        assertEquals(Duration.ofSeconds(3), settings.statementTimeout());
        assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(8), settings.socketTimeout());
        assertEquals(Duration.ofMillis(700), settings.validationTimeout());
    }

    @Test
    void a_socket_timeout_that_would_cut_off_a_statement_the_database_still_runs_is_refused() {
        ConfigurationException failure = assertThrows(ConfigurationException.class, () ->
                DatabaseConfiguration.read(ConfigurationValues.of(Map.of(
                        "PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS", "20000",
                        "PAYENGINE_DB_SOCKET_TIMEOUT_SECONDS", "15"))));

        assertStartsWith("PAYENGINE_DB_SOCKET_TIMEOUT_SECONDS: must be longer than PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS",
                failure.problems());
    }

    @Test
    void a_configured_url_has_no_default_user_so_that_the_urls_own_applies() {
        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.of(Map.of(
                "PAYENGINE_DB_URL", "jdbc:postgresql://db/pay?user=postgres")));

        assertEquals("", settings.user());
    }

    @Test
    void every_bad_value_is_named_at_once() {
        ConfigurationException failure = assertThrows(ConfigurationException.class, () ->
                DatabaseConfiguration.read(ConfigurationValues.of(Map.of(
                        "PAYENGINE_DB_URL", "jdbc:mysql://db/pay?password=hunter2",
                        "PAYENGINE_DB_POOL_SIZE", "many",
                        "PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS", "100",
                        "PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS", "-5",
                        "PAYENGINE_DB_SCHEMA", "Drop Table"))));

        List<String> problems = failure.problems();
        assertEquals(5, problems.size(), problems::toString);
        assertStartsWith("PAYENGINE_DB_POOL_SIZE: 'many' is not a whole number", problems);
        assertStartsWith("PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS: must be at least 250, was 100", problems);
        assertStartsWith("PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS: must be at least 1000, was -5", problems);
        assertStartsWith("PAYENGINE_DB_URL: must start with jdbc:postgresql: or jdbc:h2:", problems);
        assertStartsWith("PAYENGINE_DB_SCHEMA: schema must be a lower-case SQL identifier", problems);
        assertFalse(failure.getMessage().contains("hunter2"), "a URL may hold a password: never repeated");
    }

    @Test
    void the_environment_wins_over_the_config_file(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("payengine.properties");
        Files.writeString(file, """
                # the shared settings
                PAYENGINE_DB_POOL_SIZE = 4
                PAYENGINE_DATA_DIR = /var/lib/payengine
                """);

        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.from(
                Map.of("PAYENGINE_DB_POOL_SIZE", "6", "HOME", "/root"), file));

        assertEquals(6, settings.poolSize());
        assertEquals(Path.of("/var/lib/payengine"), settings.dataDirectory());
    }

    @Test
    void a_key_of_the_config_file_that_is_no_setting_is_refused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("payengine.properties");
        Files.writeString(file, "PAYENGINE_DB_POOLSIZE=4\n");

        ConfigurationException failure = assertThrows(ConfigurationException.class, () ->
                DatabaseConfiguration.read(ConfigurationValues.from(Map.of(), file)));

        assertEquals(List.of("PAYENGINE_DB_POOLSIZE (in the --config file): is not a setting of PayEngine"),
                failure.problems());
    }

    @Test
    void a_missing_config_file_is_named(@TempDir Path directory) {
        Path file = directory.resolve("absent.properties");

        ConfigurationException failure = assertThrows(ConfigurationException.class, () ->
                ConfigurationValues.from(Map.of(), file));

        assertTrue(failure.problems().get(0).startsWith("--config: the file " + file + " does not exist"));
    }

    @Test
    void blank_values_count_as_absent() {
        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.of(Map.of(
                "PAYENGINE_DB_URL", "  ", "PAYENGINE_DB_POOL_SIZE", "")));

        assertEquals(Optional.empty(), settings.jdbcUrl());
        assertEquals(DatabaseSettings.DEFAULT_POOL_SIZE, settings.poolSize());
    }

    static void assertStartsWith(String expected, List<String> problems) {
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(expected)),
                () -> "no problem starts with '" + expected + "' in " + problems);
    }
}
