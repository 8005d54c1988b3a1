package org.payengine.bootstrap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.testing.CommandRun;
import org.payengine.bootstrap.testing.PostgresSchema;

class MigrateCommandTest {

    @Test
    void migrate_creates_the_schema_in_the_embedded_h2_under_the_data_directory_and_is_then_a_no_op(
            @TempDir Path data) throws Exception {
        Map<String, String> environment = Map.of("PAYENGINE_DATA_DIR", data.toString());

        CommandRun first = CommandRun.of(environment, "migrate");
        CommandRun second = CommandRun.of(environment, "migrate");

        assertEquals(0, first.exitCode(), first::err);
        assertTrue(first.out().startsWith("Applied "), first.out());
        assertTrue(Files.exists(data.resolve("payengine.mv.db")));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("payengine")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'orders'")) {
            tables.next();
            assertEquals(1, tables.getInt(1));
        }
        assertEquals(0, second.exitCode(), second::err);
        assertEquals("The schema is up to date; nothing applied.\n", second.out());
    }

    @Test
    void migrate_reads_the_database_from_the_config_file(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("state");
        Path config = directory.resolve("payengine.properties");
        Files.writeString(config, "PAYENGINE_DATA_DIR=" + data.toString().replace("\\", "\\\\") + "\n");

        CommandRun run = CommandRun.of(Map.of(), "migrate", "--config", config.toString());

        assertEquals(0, run.exitCode(), run::err);
        assertTrue(Files.exists(data.resolve("payengine.mv.db")));
    }

    @Test
    void migrate_creates_the_schema_on_postgresql() throws Exception {
        Optional<PostgresSchema> postgres = PostgresSchema.create("MigrateCommandTest");
        assumeTrue(postgres.isPresent(), "PAYENGINE_TEST_POSTGRES_URL is not set");
        try (PostgresSchema schema = postgres.get()) {
            Map<String, String> environment = Map.of("PAYENGINE_DB_URL", schema.url(),
                    "PAYENGINE_DB_SCHEMA", schema.schema());

            CommandRun first = CommandRun.of(environment, "migrate");
            CommandRun second = CommandRun.of(environment, "migrate");

            assertEquals(0, first.exitCode(), first::err);
            assertTrue(first.out().startsWith("Applied "), first.out());
            assertTrue(schema.hasTable("orders"));
            assertTrue(schema.hasTable("payengine_schema_history"));
            assertEquals(0, second.exitCode(), second::err);
            assertEquals("The schema is up to date; nothing applied.\n", second.out());
        }
    }

    @Test
    void a_bad_database_setting_stops_migrate_before_anything_is_opened(@TempDir Path data) {
        CommandRun run = CommandRun.of(Map.of("PAYENGINE_DATA_DIR", data.toString(),
                "PAYENGINE_DB_POOL_SIZE", "0"), "migrate");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().contains("PAYENGINE_DB_POOL_SIZE: must be between 1 and 1000, was 0"), run.err());
        assertTrue(isEmpty(data));
    }

    @Test
    void an_unreachable_database_fails_migrate_with_the_reason() {
        CommandRun run = CommandRun.of(Map.of("PAYENGINE_DB_URL", "jdbc:postgresql://127.0.0.1:1/none",
                "PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS", "500"), "migrate");

        assertEquals(ExitCode.FAILED, run.exitCode());
        assertTrue(run.err().startsWith("payengine migrate: failed: "), run.err());
    }

    @Test
    void migrate_help_names_the_settings_it_reads() {
        CommandRun run = CommandRun.of(Map.of(), "migrate", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: java -jar payengine.jar migrate "));
        assertTrue(run.out().contains("PAYENGINE_DB_URL"));
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        CommandRun run = CommandRun.of(Map.of(), "migrate", "--database", "x");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine migrate: unknown option --database\n"), run.err());
    }

    private static boolean isEmpty(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
